/** 码上提: the states of a report on its way round the loop (梳理 → 交办 → 督办 → 评价 → 公示). */
export const FEEDBACK_STATUSES = [
  /** Waiting for triage (梳理). */
  'received',
  /** With a handling unit, the clock running (交办, 督办). */
  'assigned',
  /** The unit gave its result; waiting for the reporter's rating (评价). */
  'answered',
  /** Rated, or not rated within the rating period; on the public board (公示). */
  'closed',
  /** Not taken up, with a reason the reporter sees. */
  'rejected',
  /** A duplicate: its reporters follow the report it was merged into. */
  'merged',
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** 满意 / 基本满意 / 不满意; a report closed without one was not rated (never counted as satisfied). */
export const FEEDBACK_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type FeedbackRating = (typeof FEEDBACK_RATINGS)[number];

/** How a report came in. */
export const FEEDBACK_CHANNELS = ['qr', 'portal', 'phone', 'in_person', 'vendor', 'plugin', 'open311'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** Who is above a neighbourhood when a report is overdue: first its 社区, then its 街道. */
export const FEEDBACK_ESCALATIONS = ['none', 'community', 'street'] as const;
export type FeedbackEscalation = (typeof FEEDBACK_ESCALATIONS)[number];

/** The categories a neighbourhood starts with (its admins may change the list). */
export const DEFAULT_FEEDBACK_CATEGORIES = [
  '环境卫生',
  '设施维修',
  '安全隐患',
  '邻里纠纷',
  '物业服务',
  '停车',
  '噪音',
  '建议',
  '其他',
] as const;

/** Defaults of the loop's settings (DOMAIN.md §4): the answer is due 10 working days after assignment. */
export const FEEDBACK_DEFAULTS = {
  workingDays: 10,
  remindBefore: 2,
  ratingDays: 7,
  restartClockOnReassign: false,
} as const;

/** Who handles reports: the property company, the owners' committee, the party branch, the 社区, a vendor, a 街道 department. */
export const FEEDBACK_UNIT_KINDS = [
  'property',
  'committee',
  'party_branch',
  'community',
  'vendor',
  'street_department',
  'other',
] as const;
export type FeedbackUnitKind = (typeof FEEDBACK_UNIT_KINDS)[number];

/** Where a report is: a building, a unit in it, or a public area. */
export const FEEDBACK_PLACE_KINDS = ['building', 'unit', 'public'] as const;
