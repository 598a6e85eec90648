/** The plugin's vocabularies, shared by its tables, its API and its pages (plain data, safe in browsers). */

export const COMMITTEE_LEVELS = ['street', 'community'] as const;
/** 街道党工委 (a 街道's) or 社区党委 (a 社区's). */
export type CommitteeLevel = (typeof COMMITTEE_LEVELS)[number];

export const OFFICER_POSITIONS = ['secretary', 'deputy', 'member'] as const;
/** 书记, 副书记, 委员 of the branch committee. */
export type OfficerPosition = (typeof OFFICER_POSITIONS)[number];

export const LEADER_KINDS = ['building', 'entrance', 'floor'] as const;
/** 楼栋长, 单元长, 楼层长. */
export type LeaderKind = (typeof LEADER_KINDS)[number];

export const MEMBER_STATUSES = ['pending', 'confirmed', 'declined', 'transferred', 'removed'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
/** A registration that is still the person's own: waiting for the branch, or confirmed. */
export const OPEN_STATUSES = ['pending', 'confirmed'] as const satisfies readonly MemberStatus[];

export const MEMBER_EVENT_KINDS = ['registered', 'confirmed', 'declined', 'transferred', 'removed', 'grouped'] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];

/**
 * The separate consent (单独同意, PIPL art. 29) a person gives before saying they are a party member, in plain words.
 * Its version is stored with each consent: a new wording gets a new version.
 */
export const CONSENT = {
  version: '2026-12',
  'zh-CN':
    '党员身份属于敏感个人信息。我同意本小区党支部为办理在职党员报到、联系服务和积分考核，处理我的党员身份、工作单位和居住房屋。' +
    '这些信息只保存在智慧党建中，只有支部委员会成员可以查看，每次查看都会记录；除非我自己选择“亮身份”，其他居民和其他应用看不到。' +
    '我可以随时撤回同意，撤回后这些信息立即删除。',
  en:
    'Party membership is sensitive personal information. I agree that this neighbourhood’s party branch processes my membership, ' +
    'my work unit and my home to register me as an in-service member, keep in touch and assess my service by points. ' +
    'This stays in Party building only; only the branch committee may read it, and every read is recorded; other residents and ' +
    'other apps see nothing unless I choose to show my identity. I may withdraw this consent at any time, and it is then deleted at once.',
} as const;

export const COMMITMENT_STATUSES = ['published', 'claimed', 'fulfilled', 'withdrawn'] as const;
/** Published (承诺), claimed as done with evidence, confirmed by the branch (践诺), or withdrawn by the member. */
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

export const POINT_TRIGGERS = ['commitment', 'attendance'] as const;
/** What awards a rule's points by itself: a confirmed commitment, attendance at an activity. */
export type PointTrigger = (typeof POINT_TRIGGERS)[number];

/** The scheme a new branch starts with; the branch changes it. */
export const DEFAULT_POINT_RULES = [
  { name: '参加组织生活（三会一课）', points: 2, yearlyCap: null, awardedBy: 'organiser', trigger: 'attendance' },
  { name: '志愿服务', points: 3, yearlyCap: 60, awardedBy: 'organiser', trigger: null },
  { name: '践行承诺', points: 5, yearlyCap: 20, awardedBy: 'branch', trigger: 'commitment' },
  { name: '收集居民需求', points: 1, yearlyCap: 20, awardedBy: 'branch', trigger: null },
  { name: '调处矛盾纠纷', points: 3, yearlyCap: 30, awardedBy: 'branch', trigger: null },
  { name: '政策宣传', points: 2, yearlyCap: 20, awardedBy: 'branch', trigger: null },
] as const satisfies ReadonlyArray<{
  name: string;
  points: number;
  yearlyCap: number | null;
  awardedBy: 'branch' | 'organiser';
  trigger: PointTrigger | null;
}>;

export const ACTIVITY_KINDS = ['meeting', 'volunteer', 'publicity'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
/** 三会一课: 支部党员大会, 支委会, 党小组会, 党课. */
export const MEETING_TYPES = ['assembly', 'committee', 'group', 'lecture'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const DUTY_STATUSES = ['todo', 'doing', 'done'] as const;
export type DutyStatus = (typeof DUTY_STATUSES)[number];

/** The duty list a branch starts each year with (from the seed's model of a 小区党支部). */
export const DEFAULT_DUTIES = [
  '收集居民需求',
  '建立治理清单',
  '引领规范成立业主委员会',
  '宣传政策法规',
  '调处矛盾纠纷',
] as const;

export const PHOTO_SUBJECTS = ['activity', 'commitment', 'duty'] as const;
export type PhotoSubject = (typeof PHOTO_SUBJECTS)[number];
