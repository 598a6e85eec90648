import { z } from '@hono/zod-openapi';
import { displayText, hasBidiControl, ProfileBadgeSchema } from '@city/contracts';
import { MATTER_TYPES } from '@city/plugin-sdk/voting';
import { CHOICES, DISCLOSURES, MEETING_PHASES } from './values.ts';

const Id = z.uuid({ error: 'invalid_format' });
const Text = (max: number) =>
  z.string({ error: 'required' }).trim().min(1, { error: 'required' }).max(max, { error: 'too_big' });
const Time = z.iso.datetime({ offset: true, error: 'invalid_format' });
const Figures = z.object({ area: z.number().int(), count: z.number().int() });

const MatterTypeSchema = z.enum(MATTER_TYPES, { error: 'required' });

// —— 议事 ——
export const TopicInputSchema = z
  .object({ title: displayText(80), body: Text(5000), buildingId: Id.nullable().default(null) })
  .openapi('VotingTopicInput');
export const ReplyInputSchema = z.object({ body: Text(2000) }).openapi('VotingReplyInput');
export const ReasonSchema = z.object({ reason: Text(200) }).openapi('VotingReason');
export const TopicToMotionSchema = z
  .object({ meetingId: Id, matterType: MatterTypeSchema, title: displayText(120).optional() })
  .openapi('VotingTopicToMotion');

const Hidden = { hiddenReason: z.string().nullable(), hiddenByName: z.string().nullable() };
export const TopicSchema = z
  .object({
    id: Id,
    title: z.string(),
    body: z.string(),
    buildingId: Id.nullable(),
    buildingName: z.string().nullable(),
    authorName: z.string(),
    /** What the author chose to show next to their name (亮身份, from other plugins). */
    authorBadges: z.array(ProfileBadgeSchema),
    supportCount: z.number().int(),
    replyCount: z.number().int(),
    supportedByMe: z.boolean(),
    /** Reached the neighbourhood's 附议 threshold: the committee may turn it into a motion. */
    eligible: z.boolean(),
    motion: z.object({ id: Id, meetingId: Id, title: z.string() }).nullable(),
    ...Hidden,
    createdAt: z.string(),
    lastActivityAt: z.string(),
  })
  .openapi('VotingTopic');
export const ReplySchema = z
  .object({
    id: Id,
    authorName: z.string(),
    authorBadges: z.array(ProfileBadgeSchema),
    body: z.string(),
    ...Hidden,
    createdAt: z.string(),
  })
  .openapi('VotingReply');
/** What the visitor may do here (the pages show only the forms that would be accepted). */
const TopicViewer = {
  canRaise: z.boolean(),
  canModerate: z.boolean(),
  canManage: z.boolean(),
  supportThreshold: z.number().int(),
};
export const TopicDetailSchema = TopicSchema.extend({ replies: z.array(ReplySchema), ...TopicViewer }).openapi(
  'VotingTopicDetail',
);
export const TopicListSchema = z
  .object({ items: z.array(TopicSchema), buildings: z.array(z.object({ id: Id, name: z.string() })), ...TopicViewer })
  .openapi('VotingTopicList');
export const ReportSchema = z
  .object({
    id: Id,
    topicId: Id,
    topicTitle: z.string(),
    replyId: Id.nullable(),
    excerpt: z.string(),
    reason: z.string(),
    createdAt: z.string(),
  })
  .openapi('VotingReport');

// —— 业主大会 ——
export const MeetingInputSchema = z
  .object({
    title: displayText(120),
    description: z.string().trim().max(5000, { error: 'too_big' }).default(''),
    opensAt: Time,
    closesAt: Time,
    allowChange: z.boolean().default(false),
    revealLive: z.boolean().default(false),
    disclosure: z.enum(DISCLOSURES).default('room'),
  })
  .superRefine((m, ctx) => {
    if (Date.parse(m.closesAt) <= Date.parse(m.opensAt))
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'window_order' });
  })
  .openapi('VotingMeetingInput');

/**
 * Seats an election may fill: a 业主委员会 has 5 to 11 members, an odd number (docs/domain.md §3); a by-election (补选)
 * fills vacancies, 1 to 11.
 */
export const committeeSeatsAllowed = (seats: number, byElection: boolean) =>
  Number.isInteger(seats) && (byElection ? seats >= 1 && seats <= 11 : seats >= 5 && seats <= 11 && seats % 2 === 1);

const CandidateInputSchema = z.object({
  name: displayText(40),
  statement: z.string().trim().max(500, { error: 'too_big' }).default(''),
});
export const MotionInputSchema = z
  .object({
    kind: z.enum(['motion', 'election']).default('motion'),
    matterType: MatterTypeSchema,
    title: displayText(120),
    description: z.string().trim().max(5000, { error: 'too_big' }).default(''),
    seats: z.number({ error: 'invalid_format' }).int({ error: 'invalid_format' }).nullable().default(null),
    /** 补选: an election filling vacancies on a sitting committee, which may be any number of seats up to 11. */
    byElection: z.boolean().default(false),
    candidates: z.array(CandidateInputSchema).max(60, { error: 'too_big' }).default([]),
    /** The buildings whose owners decide it (e.g. one building's elevator); null for the whole neighbourhood. */
    scope: z
      .array(Id)
      .min(1, { error: 'too_small' })
      .max(200, { error: 'too_big' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'duplicate' })
      .nullable()
      .default(null),
  })
  .superRefine((m, ctx) => {
    if (m.kind === 'election') {
      if (m.matterType !== 'committee_election')
        ctx.addIssue({ code: 'custom', path: ['matterType'], message: 'election_matter' });
      if (m.seats === null) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'required' });
      else if (!committeeSeatsAllowed(m.seats, m.byElection))
        ctx.addIssue({
          code: 'custom',
          path: ['seats'],
          message: m.byElection ? 'by_election_seats' : 'committee_seats',
        });
      if (!m.candidates.length) ctx.addIssue({ code: 'custom', path: ['candidates'], message: 'required' });
    } else {
      if (m.candidates.length || m.seats !== null)
        ctx.addIssue({ code: 'custom', path: ['candidates'], message: 'not_an_election' });
      if (m.byElection) ctx.addIssue({ code: 'custom', path: ['byElection'], message: 'not_an_election' });
    }
  })
  .openapi('VotingMotionInput');

/** A choice on one motion: agree/oppose/abstain (or 废票 on paper), or for an election the candidates chosen. */
const ChoiceInputSchema = z.union([
  z.object({ motionId: Id, choice: z.enum(CHOICES, { error: 'choice_required' }) }),
  z.object({ motionId: Id, candidateIds: z.array(Id).max(60) }),
]);
export const BallotInputSchema = z
  .object({ rollOwnerId: Id, choices: z.array(ChoiceInputSchema).min(1, { error: 'choice_required' }).max(50) })
  .openapi('VotingBallotInput');
export const StaffBallotInputSchema = BallotInputSchema.extend({
  /** Empty for a sheet that is 废票 as a whole. */
  choices: z.array(ChoiceInputSchema).max(50),
  channel: z.enum(['paper', 'proxy']),
  /** When the sheet reached the tellers: a sheet received after the voting deadline is refused. */
  receivedAt: Time,
  /** The whole sheet is 废票 (unsigned, unreadable): it takes part in the vote and agrees with nothing. */
  wholeInvalid: z.boolean().default(false),
  /** The number printed on the paper ballot (表决票编号), unique in the meeting. */
  paperRef: z.string().trim().max(40, { error: 'too_big' }).default(''),
  /** Who holds the proxy (受托人): a name shown at the count desk, so no bidi controls (empty but for a proxy). */
  proxyName: z
    .string()
    .trim()
    .max(40, { error: 'too_big' })
    .refine((name) => !hasBidiControl(name), { error: 'text_bidi' })
    .default(''),
  /** The signed authorisation (委托书), uploaded first (POST …/proxy-documents). */
  proxyDocumentId: Id.nullable().default(null),
})
  .superRefine((b, ctx) => {
    if (b.channel === 'paper' && !b.paperRef) ctx.addIssue({ code: 'custom', path: ['paperRef'], message: 'required' });
    if (b.channel === 'proxy' && !b.proxyName)
      ctx.addIssue({ code: 'custom', path: ['proxyName'], message: 'required' });
    if (b.channel === 'proxy' && !b.proxyDocumentId)
      ctx.addIssue({ code: 'custom', path: ['proxyDocumentId'], message: 'required' });
    if (!b.wholeInvalid && !b.choices.length)
      ctx.addIssue({ code: 'custom', path: ['choices'], message: 'choice_required' });
    if (b.wholeInvalid && b.choices.length) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'not_allowed' });
  })
  .openapi('VotingStaffBallotInput');

export const MotionTallySchema = z.object({
  threshold: z.enum(['ordinary', 'special']),
  total: Figures,
  participants: Figures,
  agree: Figures,
  oppose: Figures,
  abstain: Figures,
  invalid: Figures,
  quorumMet: z.boolean(),
  passed: z.boolean(),
  outcome: z.enum(['passed', 'rejected', 'not_decided']),
});
export const ElectionTallySchema = z.object({
  seats: z.number().int(),
  total: Figures,
  participants: Figures,
  quorumMet: z.boolean(),
  candidates: z.array(
    z.object({ id: Id, agree: Figures, approved: z.boolean(), elected: z.boolean(), tied: z.boolean() }),
  ),
  elected: z.array(Id),
  tie: z.object({ candidateIds: z.array(Id), seats: z.number().int() }).nullable(),
  emptySeats: z.number().int(),
});

export const MotionSchema = z
  .object({
    id: Id,
    position: z.number().int(),
    kind: z.enum(['motion', 'election']),
    matterType: MatterTypeSchema,
    matterItem: z.number().int(),
    threshold: z.enum(['ordinary', 'special']),
    title: z.string(),
    description: z.string(),
    seats: z.number().int().nullable(),
    byElection: z.boolean(),
    candidates: z.array(z.object({ id: Id, name: z.string(), statement: z.string() })),
    topicId: Id.nullable(),
    /** The buildings whose owners decide it; null for the whole neighbourhood. */
    scope: z.array(z.object({ id: Id, name: z.string() })).nullable(),
    /** Present once the meeting is closed (or while open when the meeting shows choices live). */
    result: z.union([MotionTallySchema, ElectionTallySchema]).nullable(),
  })
  .openapi('VotingMotion');

export const TurnoutSchema = z.object({
  total: Figures,
  participants: Figures,
  quorumMet: z.boolean(),
  pendingPaper: z.number().int(),
});

export const MeetingSchema = z
  .object({
    id: Id,
    title: z.string(),
    description: z.string(),
    status: z.enum(['draft', 'announced', 'open', 'closed']),
    /** The status as the clock has it: 'ended' is an open meeting whose voting period is over, awaiting its count. */
    phase: z.enum(MEETING_PHASES),
    opensAt: z.string(),
    closesAt: z.string(),
    allowChange: z.boolean(),
    revealLive: z.boolean(),
    disclosure: z.enum(DISCLOSURES),
    announcedAt: z.string().nullable(),
    /**
     * The roll as the registry stood at the announcement (counting owners, total area in 0.01 m²), published on the
     * meeting notice; the count uses the roll frozen at opening (`turnout.total`). Null before the announcement.
     */
    announcedRoll: Figures.nullable(),
    /** The announced roll's commitment (as on the bulletin board): the frozen roll's, where nothing changed in between. */
    announcedRollHash: z.string().nullable(),
    /** The earliest moment voting may open: the notice period after the announcement (or from now, in a draft). */
    earliestOpening: z.string(),
    noticeId: Id.nullable(),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    rollHash: z.string().nullable(),
    chainHead: z.string().nullable(),
    resultNoticeId: Id.nullable(),
    turnout: TurnoutSchema.nullable(),
    motions: z.array(MotionSchema),
    /** The visitor runs meetings here (the committee, or the admin where none exists); false for supervisors. */
    canManage: z.boolean(),
    /** To the manager of a draft: the buildings a motion may be scoped to. */
    buildings: z.array(z.object({ id: Id, name: z.string() })),
  })
  .openapi('VotingMeeting');
const MeetingSummarySchema = MeetingSchema.omit({ motions: true, description: true, canManage: true, buildings: true })
  .extend({
    motionCount: z.number().int(),
    /**
     * Whether the visitor's counting owners on the frozen roll have a ballot (counted or awaiting its check): all,
     * some (one who votes for several counting owners) or none. Null before the roll is frozen and for a visitor who
     * votes for nobody on it.
     */
    myVote: z.enum(['voted', 'partly', 'not_voted']).nullable(),
  })
  .openapi('VotingMeetingSummary');
export const MeetingListSchema = z
  .object({ items: z.array(MeetingSummarySchema), canManage: z.boolean() })
  .openapi('VotingMeetingList');

/** A counting owner this member may vote for, and what they have cast. */
const MyVoteSchema = z
  .object({
    rollOwnerId: Id,
    label: z.string(),
    area: z.number().int(),
    /** The motions on this counting owner's ballot (a scoped motion only where it holds a unit in scope). */
    motionIds: z.array(Id),
    ballot: z
      .object({
        receipt: z.string(),
        status: z.enum(['pending', 'accepted', 'superseded', 'rejected']),
        channel: z.enum(['online', 'paper', 'proxy']),
        acceptedAt: z.string().nullable(),
        choices: z.array(ChoiceInputSchema),
      })
      .nullable(),
  })
  .openapi('VotingMyVote');
export const MyVotesSchema = z
  .object({ items: z.array(MyVoteSchema), canVote: z.boolean(), reason: z.string().nullable() })
  .openapi('VotingMyVotes');

export const ReceiptSchema = z
  .object({
    receipt: z.string(),
    seq: z.number().int().nullable(),
    entryHash: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    status: z.enum(['pending', 'accepted', 'superseded', 'rejected']),
  })
  .openapi('VotingReceipt');

const RollOwnerSchema = z
  .object({
    id: Id,
    label: z.string(),
    /** The owners' names, one per owner; none for the developer. */
    names: z.array(z.string()),
    kind: z.enum(['developer', 'owner']),
    area: z.number().int(),
    voted: z.boolean(),
    /** The motions on its ballot. */
    motionIds: z.array(Id),
  })
  .openapi('VotingRollOwner');
export const RollQuerySchema = z.object({
  /** Words of a room's address or of an owner's name. */
  q: z.string().trim().max(40).optional(),
  /** Only counting owners with a unit in this building (by name, as `buildings` lists them). */
  building: z.string().trim().max(40).optional(),
  /** Only those with a ballot (counted or awaiting its check), or only those without. */
  status: z.enum(['voted', 'unvoted']).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const RollSchema = z
  .object({
    items: z.array(RollOwnerSchema),
    nextCursor: z.string().nullable(),
    /** Counting owners the search and filters match, and the position (from 1) of this page's first among them. */
    matched: z.number().int(),
    from: z.number().int(),
    /** The roll's buildings in natural order, for the building filter. */
    buildings: z.array(z.string()),
  })
  .openapi('VotingRoll');

const PendingBallotSchema = z
  .object({
    id: Id,
    rollOwnerId: Id,
    label: z.string(),
    channel: z.enum(['paper', 'proxy']),
    paperRef: z.string().nullable(),
    proxyName: z.string().nullable(),
    proxyDocumentId: Id.nullable(),
    receivedAt: z.string().nullable(),
    wholeInvalid: z.boolean(),
    choices: z.array(ChoiceInputSchema),
    enteredByName: z.string(),
    enteredByMe: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('VotingPendingBallot');
export const PendingBallotsSchema = z.object({ items: z.array(PendingBallotSchema) }).openapi('VotingPendingBallots');

const BallotStatusSchema = z.enum(['pending', 'accepted', 'superseded', 'rejected']);

/**
 * What the receipt check shows: that the ballot is in the chain (counted, replaced or rejected), where and when —
 * never its choices, except to a signed-in voter of that counting owner.
 */
export const VerifiedReceiptSchema = z
  .object({
    meeting: z.object({
      id: Id,
      title: z.string(),
      status: z.enum(['draft', 'announced', 'open', 'closed']),
      rollHash: z.string().nullable(),
      chainHead: z.string().nullable(),
    }),
    receipt: z.string(),
    status: BallotStatusSchema,
    channel: z.enum(['online', 'paper', 'proxy']),
    seq: z.number().int().nullable(),
    entryHash: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    receivedAt: z.string().nullable(),
    /** The later ballot that replaced this one (a change where the meeting allows it). */
    replacedBy: z.object({ seq: z.number().int().nullable(), acceptedAt: z.string().nullable() }).nullable(),
    /** Only to the signed-in voter of this counting owner: each motion's recorded answer. */
    choices: z
      .array(z.object({ motionTitle: z.string(), choice: z.enum(CHOICES).nullable(), candidates: z.array(z.string()) }))
      .nullable(),
  })
  .openapi('VotingVerifiedReceipt');

export const ChainCheckSchema = z
  .object({
    ok: z.boolean(),
    entries: z.number().int(),
    head: z.string().nullable(),
    firstBrokenSeq: z.number().int().nullable(),
    /** The first thing that does not add up, in the verifier's words. */
    difference: z
      .object({
        code: z.string(),
        seq: z.number().int().optional(),
        motionId: z.string().optional(),
        detail: z.string(),
      })
      .nullable(),
  })
  .openapi('VotingChainCheck');

/** Paper sheets: handed out, collected, entered, checked — and where they went (the count desk and the result). */
export const ReconciliationSchema = z
  .object({
    issued: z.number().int().nullable(),
    returned: z.number().int().nullable(),
    entered: z.number().int(),
    pending: z.number().int(),
    confirmed: z.number().int(),
    rejected: z.number().int(),
    invalid: z.number().int(),
    duplicatesRefused: z.number().int(),
    /** Counted and waiting proxy ballots per holder. */
    proxies: z.array(z.object({ holder: z.string(), count: z.number().int() })),
  })
  .openapi('VotingReconciliation');
export const SheetCountsInputSchema = z
  .object({
    issued: z.number({ error: 'invalid_format' }).int().min(0, { error: 'too_small' }).max(1_000_000).nullable(),
    returned: z.number({ error: 'invalid_format' }).int().min(0, { error: 'too_small' }).max(1_000_000).nullable(),
  })
  .openapi('VotingSheetCounts');
export const ProxyDocumentSchema = z
  .object({ id: Id, digest: z.string(), mediaType: z.string(), size: z.number().int() })
  .openapi('VotingProxyDocument');

export type Choice = (typeof CHOICES)[number];
export type ChoiceInput = z.infer<typeof ChoiceInputSchema>;
export type MeetingView = z.infer<typeof MeetingSchema>;
export type MeetingPhase = MeetingView['phase'];
