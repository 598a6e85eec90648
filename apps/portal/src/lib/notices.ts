import type { NoticeAudience, NoticeCategory } from '@city/contracts';

/** The badge tone of each state, shared by every notice list. */
export const stateTone = {
  draft: 'neutral',
  scheduled: 'warning',
  live: 'success',
  expired: 'neutral',
  withdrawn: 'danger',
} as const;

export const categoryTone: Record<NoticeCategory, 'primary' | 'warning' | 'success'> = {
  notice: 'primary',
  disclosure: 'warning',
  result: 'success',
};

export const AUDIENCE_KEYS: Record<NoticeAudience, `notices.audience.${NoticeAudience}`> = {
  public: 'notices.audience.public',
  residents: 'notices.audience.residents',
  owners: 'notices.audience.owners',
  building: 'notices.audience.building',
};
