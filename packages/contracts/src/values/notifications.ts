/** The ways a notification leaves the app; the inbox (in-app) always has it. */
export const NOTIFICATION_CHANNELS = ['sms', 'wechat'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A kind of notification as people choose about it: its name, whether it is urgent, whether it is on by default. */
export interface NotificationKind {
  name: { 'zh-CN': string; en: string };
  /** Urgent kinds are also texted unless the person turned that off; others only reach the channels a person chose. */
  urgent?: boolean;
  /** Off by default: a neighbourhood turns it on (e.g. every notice published). */
  off?: boolean;
}

/**
 * The core's kinds. Plugins declare theirs in their manifest (`notifications`), named `<plugin id>.<name>`; the
 * feedback loop will add its own here.
 */
export const CORE_NOTIFICATION_KINDS = {
  'verification.approved': { name: { 'zh-CN': '认证通过', en: 'Verification approved' } },
  'verification.rejected': { name: { 'zh-CN': '认证未通过', en: 'Verification refused' } },
  'verification.requested': { name: { 'zh-CN': '新的认证申请（管理员）', en: 'New verification requests (admins)' } },
  'invitation.received': { name: { 'zh-CN': '收到邀请', en: 'Invitation received' } },
  'notice.published': { name: { 'zh-CN': '新公告', en: 'New notices' }, off: true },
  'notice.pinned': { name: { 'zh-CN': '置顶公告与公示', en: 'Pinned notices and disclosures' } },
  'feedback.received': { name: { 'zh-CN': '新的码上提反映（工作人员）', en: 'New resident reports (staff)' } },
  'feedback.assigned': { name: { 'zh-CN': '交办给我单位的反映', en: 'Reports assigned to my unit' } },
  'feedback.progress': { name: { 'zh-CN': '我反映的问题有进展', en: 'Progress on my reports' } },
  'feedback.answered': { name: { 'zh-CN': '我反映的问题已答复，请评价', en: 'My report answered: rate it' } },
  'feedback.rejected': { name: { 'zh-CN': '我反映的问题未受理', en: 'My report not taken up' } },
  'feedback.reminder': {
    name: { 'zh-CN': '反映即将到期（承办单位）', en: 'Report deadlines near (handling units)' },
    urgent: true,
  },
  'feedback.overdue': { name: { 'zh-CN': '反映逾期督办', en: 'Overdue reports escalated' }, urgent: true },
  'governance.election': {
    name: { 'zh-CN': '业主委员会选举结果待确认（管理员）', en: 'Committee election results to take (admins)' },
  },
  'governance.deadline': {
    name: {
      'zh-CN': '业主组织的期限提醒（首次业主大会、备案、换届）',
      en: 'Deadlines of the owners’ bodies (first meeting, filing, term end)',
    },
  },
  'governance.overdue': {
    name: { 'zh-CN': '业主组织的期限已逾期', en: 'A deadline of the owners’ bodies missed' },
    urgent: true,
  },
} as const satisfies Record<string, NotificationKind>;
export type CoreNotificationKind = keyof typeof CORE_NOTIFICATION_KINDS;

/** Quiet hours, in minutes after midnight Beijing time: 22:00–08:00 unless the person chose otherwise. */
export const DEFAULT_QUIET_HOURS = { start: 22 * 60, end: 8 * 60 } as const;
/** Items are kept this many days unless the neighbourhood set another number. */
export const NOTIFICATION_RETENTION_DAYS = 180;
/** What one plugin may send one person in a day (per neighbourhood); beyond it, the plugin's items are dropped. */
export const PLUGIN_NOTIFICATIONS_PER_PERSON_PER_DAY = 20;
