export const NOTICE_CATEGORIES = ['notice', 'disclosure', 'result'] as const;
export const NOTICE_AUDIENCES = ['public', 'residents', 'owners', 'building'] as const;
export const NOTICE_STATES = ['draft', 'scheduled', 'live', 'expired', 'withdrawn'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];
