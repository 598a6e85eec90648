import { z } from '@hono/zod-openapi';
import { displayText, PhoneSchema } from '@city/contracts';
import {
  ACTIVITY_KINDS,
  COMMITMENT_STATUSES,
  DUTY_STATUSES,
  MEETING_TYPES,
  LEADER_KINDS,
  MEMBER_EVENT_KINDS,
  MEMBER_STATUSES,
  OFFICER_POSITIONS,
  POINT_TRIGGERS,
} from './values.ts';

const Id = z.uuid({ error: 'invalid_format' });
const Localized = z.object({ 'zh-CN': z.string(), en: z.string() });

/** Where a 楼栋长 / 单元长 / 楼层长 serves and how to reach them: the number masked, with the full one to dial. */
export const LeaderSchema = z
  .object({
    id: Id,
    kind: z.enum(LEADER_KINDS),
    buildingId: Id,
    buildingName: z.string(),
    entrance: z.string(),
    floor: z.number().int().nullable(),
    name: z.string(),
    phoneMasked: z.string(),
    phone: z.string(),
  })
  .openapi('PartyLeader');

export const CommitteeSchema = z
  .object({
    regionId: Id,
    level: z.enum(['street', 'community']),
    name: z.string(),
    secretary: z.string(),
    phone: z.string(),
  })
  .openapi('PartyCommittee');

export const OfficerSchema = z
  .object({ userId: Id, name: z.string(), position: z.enum(OFFICER_POSITIONS) })
  .openapi('PartyOfficer');

const BranchSchema = z.object({
  name: z.string(),
  kind: z.enum(['functional', 'standing']),
  officers: z.array(OfficerSchema),
  /** The 社区党委 (and 街道党工委) above, where their staff have set them up. */
  above: z.array(CommitteeSchema),
});

export const MyRegistrationSchema = z.object({
  status: z.enum(MEMBER_STATUSES),
  workUnit: z.string(),
  homeAddress: z.string(),
  groupName: z.string().nullable(),
  showBadge: z.boolean(),
  registeredAt: z.string(),
  endNote: z.string(),
});

export const OverviewSchema = z
  .object({
    /** The neighbourhood's own introduction (the plugin's setting), empty when it has none. */
    intro: z.string(),
    branch: BranchSchema.nullable(),
    consent: z.object({ version: z.string(), text: Localized }),
    /** The caller's latest registration here; null if they never registered (or withdrew their consent). */
    me: MyRegistrationSchema.nullable(),
    /** The caller's verified homes, to register with. */
    homes: z.array(z.object({ unitId: Id, address: z.string() })),
    /** For each of the caller's homes: its building's party group and the people in charge of the place. */
    places: z.array(
      z.object({
        address: z.string(),
        group: z.object({ name: z.string(), leaderName: z.string() }).nullable(),
        leaders: z.array(LeaderSchema),
      }),
    ),
    /** Whether the caller runs the branch (its committee or the neighbourhood's admin). */
    runsBranch: z.boolean(),
  })
  .openapi('PartyOverview');

export const RegistrationInputSchema = z
  .object({
    /** The version of the consent wording the person read and agreed to (单独同意). */
    consentVersion: z.string({ error: 'required' }).min(1, { error: 'required' }),
    workUnit: displayText(60),
    homeUnitId: Id,
  })
  .openapi('PartyRegistrationInput');

export const BadgeInputSchema = z.object({ show: z.boolean({ error: 'required' }) }).openapi('PartyBadgeInput');

export const BranchInputSchema = z
  .object({ name: displayText(40), kind: z.enum(['functional', 'standing']).default('functional') })
  .openapi('PartyBranchInput');

export const OfficersInputSchema = z
  .object({ officers: z.array(z.object({ userId: Id, position: z.enum(OFFICER_POSITIONS) })).max(15) })
  .openapi('PartyOfficersInput');

export const GroupInputSchema = z
  .object({
    name: displayText(30),
    buildingIds: z.array(Id).max(100),
    leaderUserId: Id.nullable().default(null),
  })
  .openapi('PartyGroupInput');

export const GroupSchema = z
  .object({
    id: Id,
    name: z.string(),
    leaderUserId: Id.nullable(),
    leaderName: z.string(),
    buildings: z.array(z.object({ id: Id, name: z.string() })),
    members: z.number().int(),
  })
  .openapi('PartyGroup');

export const LeaderInputSchema = z
  .object({
    kind: z.enum(LEADER_KINDS),
    buildingId: Id,
    entrance: z.string().trim().max(10).default(''),
    floor: z.number().int().min(-5).max(200).nullable().default(null),
    userId: Id,
    phone: PhoneSchema,
  })
  .openapi('PartyLeaderInput');

export const BranchAdminSchema = z
  .object({
    branch: BranchSchema.nullable(),
    groups: z.array(GroupSchema),
    leaders: z.array(LeaderSchema),
    buildings: z.array(z.object({ id: Id, name: z.string(), entrances: z.array(z.string()) })),
    /** The neighbourhood's members, to name officers, group leaders and people in charge from. */
    people: z.array(z.object({ userId: Id, name: z.string() })),
    counts: z.object({ pending: z.number().int(), confirmed: z.number().int() }),
  })
  .openapi('PartyBranchAdmin');

export const MemberSchema = z
  .object({
    id: Id,
    userId: Id,
    name: z.string(),
    status: z.enum(MEMBER_STATUSES),
    workUnit: z.string(),
    homeAddress: z.string(),
    groupId: Id.nullable(),
    groupName: z.string().nullable(),
    showBadge: z.boolean(),
    consentAt: z.string(),
    registeredAt: z.string(),
    events: z.array(
      z.object({ kind: z.enum(MEMBER_EVENT_KINDS), actorName: z.string(), note: z.string(), at: z.string() }),
    ),
  })
  .openapi('PartyMember');

export const MemberListSchema = z
  .object({ items: z.array(MemberSchema), groups: z.array(z.object({ id: Id, name: z.string() })) })
  .openapi('PartyMemberList');

export const DecisionInputSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('confirm'), groupId: Id.nullable().default(null) }),
    z.object({ action: z.literal('decline'), note: displayText(200) }),
    /** 组织关系转出: to the branch where the member now lives or works. */
    z.object({ action: z.literal('transfer'), note: displayText(200) }),
    z.object({ action: z.literal('remove'), note: displayText(200) }),
  ])
  .openapi('PartyDecisionInput');

export const MemberGroupInputSchema = z.object({ groupId: Id.nullable() }).openapi('PartyMemberGroupInput');

export const CommitteeInputSchema = z
  .object({
    name: displayText(40),
    secretary: z.string().trim().max(20).default(''),
    phone: z.string().trim().max(24).default(''),
  })
  .openapi('PartyCommitteeInput');

export const RegionOverviewSchema = z
  .object({
    region: z.object({ id: Id, name: z.string(), level: z.enum(['district', 'street', 'community']) }),
    committee: CommitteeSchema.nullable(),
    /** The committees of the regions below (a 街道's 社区党委). */
    below: z.array(CommitteeSchema.extend({ regionName: z.string() })),
    /** Every neighbourhood under the region with the plugin enabled, with how its branch stands (counts only). */
    branches: z.array(
      z.object({
        tenantId: Id,
        slug: z.string(),
        neighbourhood: z.string(),
        communityId: Id.nullable(),
        branch: z.string().nullable(),
        groups: z.number().int(),
        confirmed: z.number().int(),
        pending: z.number().int(),
        showingBadge: z.number().int(),
        /** This year's (in China): commitments published and fulfilled, points kept, activities held, duties done. */
        commitments: z.number().int(),
        fulfilled: z.number().int(),
        points: z.number().int(),
        activitiesHeld: z.number().int(),
        dutiesDone: z.number().int(),
        duties: z.number().int(),
      }),
    ),
    year: z.number().int(),
  })
  .openapi('PartyRegionOverview');

export const RegionBranchSchema = z
  .object({
    tenantId: Id,
    neighbourhood: z.string(),
    year: z.number().int(),
    branch: z.object({ name: z.string(), officers: z.array(OfficerSchema.omit({ userId: true })) }).nullable(),
    groups: z.array(
      z.object({ name: z.string(), leaderName: z.string(), buildings: z.number().int(), members: z.number().int() }),
    ),
    members: z.object({ confirmed: z.number().int(), pending: z.number().int(), showingBadge: z.number().int() }),
    commitments: z.object({ published: z.number().int(), claimed: z.number().int(), fulfilled: z.number().int() }),
    points: z.object({
      total: z.number().int(),
      byRule: z.array(z.object({ rule: z.string(), points: z.number().int() })),
    }),
    activities: z.array(
      z.object({
        title: z.string(),
        kind: z.enum(ACTIVITY_KINDS),
        meetingType: z.enum(MEETING_TYPES).nullable(),
        startsAt: z.string(),
        status: z.enum(['planned', 'held', 'cancelled']),
        signedUp: z.number().int(),
        attended: z.number().int(),
      }),
    ),
    duties: z.array(z.object({ title: z.string(), status: z.enum(DUTY_STATUSES), evidence: z.string() })),
  })
  .openapi('PartyRegionBranch');

export type RegionBranch = z.infer<typeof RegionBranchSchema>;

export type Overview = z.infer<typeof OverviewSchema>;
export type BranchAdmin = z.infer<typeof BranchAdminSchema>;
export type Member = z.infer<typeof MemberSchema>;
export type RegionOverview = z.infer<typeof RegionOverviewSchema>;

const Year = z.coerce.number({ error: 'invalid_format' }).int().min(2000).max(2100);

export const CommitmentSchema = z
  .object({
    id: Id,
    partyMemberId: Id,
    memberName: z.string(),
    year: z.number().int(),
    title: z.string(),
    body: z.string(),
    status: z.enum(COMMITMENT_STATUSES),
    evidence: z.string(),
    publishedAt: z.string(),
    claimedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decidedByName: z.string(),
    photoIds: z.array(Id),
  })
  .openapi('PartyCommitment');

export const CommitmentInputSchema = z
  .object({ year: Year, title: displayText(60), body: z.string().trim().max(500).default('') })
  .openapi('PartyCommitmentInput');

export const ClaimInputSchema = z.object({ evidence: displayText(1000) }).openapi('PartyClaimInput');

export const CommitmentDecisionSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('confirm') }),
    /** Not yet fulfilled: back to the member with what is missing. */
    z.object({ action: z.literal('return'), note: displayText(200) }),
  ])
  .openapi('PartyCommitmentDecision');

export const PointRuleSchema = z
  .object({
    id: Id,
    name: z.string(),
    points: z.number().int(),
    yearlyCap: z.number().int().nullable(),
    awardedBy: z.enum(['branch', 'organiser']),
    trigger: z.enum(POINT_TRIGGERS).nullable(),
    active: z.boolean(),
  })
  .openapi('PartyPointRule');

export const PointRuleInputSchema = z
  .object({
    name: displayText(30),
    points: z.number({ error: 'required' }).int().min(1).max(100),
    yearlyCap: z.number().int().min(1).max(10_000).nullable().default(null),
    awardedBy: z.enum(['branch', 'organiser']).default('branch'),
    active: z.boolean().default(true),
  })
  .refine((r) => r.yearlyCap === null || r.yearlyCap >= r.points, { path: ['yearlyCap'], error: 'too_small' })
  .openapi('PartyPointRuleInput');

export const PointEntrySchema = z
  .object({
    id: Id,
    partyMemberId: Id,
    memberName: z.string(),
    ruleId: Id.nullable(),
    ruleName: z.string().nullable(),
    year: z.number().int(),
    points: z.number().int(),
    reason: z.string(),
    reverses: Id.nullable(),
    reversed: z.boolean(),
    awardedByName: z.string(),
    at: z.string(),
  })
  .openapi('PartyPointEntry');

export const AwardInputSchema = z
  .object({ partyMemberId: Id, ruleId: Id, reason: displayText(200) })
  .openapi('PartyAwardInput');

export const ReversalInputSchema = z.object({ reason: displayText(200) }).openapi('PartyReversalInput');

export const MyPointsSchema = z
  .object({
    year: z.number().int(),
    total: z.number().int(),
    entries: z.array(PointEntrySchema),
    commitments: z.array(CommitmentSchema),
  })
  .openapi('PartyMyPoints');

export const AssessmentSchema = z
  .object({
    year: z.number().int(),
    rules: z.array(PointRuleSchema),
    members: z.array(
      z.object({
        partyMemberId: Id,
        name: z.string(),
        groupName: z.string().nullable(),
        total: z.number().int(),
        byRule: z.record(z.string(), z.number().int()),
        commitments: z.object({ published: z.number().int(), fulfilled: z.number().int() }),
      }),
    ),
    total: z.number().int(),
  })
  .openapi('PartyAssessment');

export const YearQuerySchema = z.object({ year: Year.optional() });

export type Commitment = z.infer<typeof CommitmentSchema>;
export type PointEntry = z.infer<typeof PointEntrySchema>;
export type Assessment = z.infer<typeof AssessmentSchema>;

const Time = z.iso.datetime({ offset: true, error: 'invalid_format' });

export const ActivitySchema = z
  .object({
    id: Id,
    kind: z.enum(ACTIVITY_KINDS),
    meetingType: z.enum(MEETING_TYPES).nullable(),
    title: z.string(),
    body: z.string(),
    place: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    capacity: z.number().int().nullable(),
    openToResidents: z.boolean(),
    ruleId: Id.nullable(),
    ruleName: z.string().nullable(),
    status: z.enum(['planned', 'held', 'cancelled']),
    organiserName: z.string(),
    signedUp: z.number().int(),
    attended: z.number().int().nullable(),
    /** Whether the caller signed up, and whether they may (open, before it starts, seats left, open to them). */
    mine: z.boolean(),
    canSignUp: z.boolean(),
    photoIds: z.array(Id),
  })
  .openapi('PartyActivity');

export const ActivityDetailSchema = ActivitySchema.extend({
  /** Who signed up, for the branch only (empty for everyone else). */
  signups: z.array(
    z.object({ userId: Id, name: z.string(), partyMember: z.boolean(), attended: z.boolean().nullable() }),
  ),
  /** For the branch taking attendance: confirmed members who did not sign up (they may come all the same). */
  candidates: z.array(z.object({ userId: Id, name: z.string() })),
}).openapi('PartyActivityDetail');

export const ActivityInputSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS),
    meetingType: z.enum(MEETING_TYPES).nullable().default(null),
    title: displayText(60),
    body: z.string().trim().max(1000).default(''),
    place: displayText(60),
    startsAt: Time,
    endsAt: Time,
    capacity: z.number().int().min(1).max(10_000).nullable().default(null),
    openToResidents: z.boolean().default(false),
    /** The scheme's rule attending earns; omitted: 三会一课 earn the attendance rule, other kinds nothing. */
    ruleId: Id.nullable().optional(),
  })
  .refine((a) => Date.parse(a.endsAt) > Date.parse(a.startsAt), { path: ['endsAt'], error: 'too_small' })
  .refine((a) => (a.kind === 'meeting') === (a.meetingType !== null), { path: ['meetingType'], error: 'required' })
  .refine((a) => !(a.kind === 'meeting' && a.openToResidents), { path: ['openToResidents'], error: 'invalid_value' })
  .openapi('PartyActivityInput');

export const AttendanceInputSchema = z.object({ present: z.array(Id).max(2000) }).openapi('PartyAttendanceInput');

export const DutySchema = z
  .object({
    id: Id,
    year: z.number().int(),
    title: z.string(),
    status: z.enum(DUTY_STATUSES),
    evidence: z.string(),
    position: z.number().int(),
    updatedAt: z.string(),
    updatedByName: z.string(),
    photoIds: z.array(Id),
  })
  .openapi('PartyDuty');

export const DutyListSchema = z
  .object({
    year: z.number().int(),
    items: z.array(DutySchema),
    /** Residents' needs members collected this year (each a 码上提 report). */
    needs: z.array(
      z.object({
        id: Id,
        memberName: z.string(),
        summary: z.string(),
        reportNumber: z.number().int(),
        reportLink: z.string(),
        createdAt: z.string(),
      }),
    ),
  })
  .openapi('PartyDutyList');

export const DutyInputSchema = z
  .object({
    title: displayText(60),
    status: z.enum(DUTY_STATUSES).default('todo'),
    evidence: z.string().trim().max(1000).default(''),
  })
  .openapi('PartyDutyInput');

export const NeedInputSchema = z
  .object({
    body: displayText(1000),
    /** Where, if it is about one building of the registry; a public area otherwise. */
    buildingId: Id.nullable().default(null),
    note: z.string().trim().max(100).default(''),
  })
  .openapi('PartyNeedInput');

export const NeedSchema = z
  .object({ id: Id, reportNumber: z.number().int(), reportLink: z.string() })
  .openapi('PartyNeed');

export type Activity = z.infer<typeof ActivitySchema>;
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;
export type DutyList = z.infer<typeof DutyListSchema>;
