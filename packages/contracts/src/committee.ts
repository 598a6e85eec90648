import { z } from '@hono/zod-openapi';
import { IdSchema, TimestampSchema } from './common.ts';
import { IsoDateSchema } from './calendar.ts';
import { LedgerDocumentSchema } from './ledger.ts';
import { displayText } from './text.ts';

/** Who sits on a 筹备组 (DOMAIN.md §3, with the seed's party organisations). */
export const PREPARATORY_SEATS = [
  'owner',
  'developer',
  'street',
  'community',
  'party_branch',
  'community_party',
  'street_party',
] as const;
export type PreparatorySeat = (typeof PREPARATORY_SEATS)[number];

/** Days from forming the 筹备组 to the first 业主大会, and from an election to its 备案. */
export const FIRST_MEETING_DAYS = 90;
export const FILING_DAYS = 30;

const PreparatoryMemberInputSchema = z.object({
  name: displayText(40, { required: 'name_required' }),
  seat: z.enum(PREPARATORY_SEATS),
  lead: z.boolean().default(false),
  userId: IdSchema.nullable().default(null),
});

/**
 * The 筹备组 as formed: an odd number of members, owners' representatives at least half, led by the 街道's
 * representative (DOMAIN.md §3). Refused with the rule that is broken.
 */
export const PreparatoryGroupInputSchema = z
  .object({ formedOn: IsoDateSchema, members: z.array(PreparatoryMemberInputSchema).min(3).max(31) })
  .superRefine((group, ctx) => {
    // Runs after field errors too (zod reports them all at once): only a list of members is counted.
    const members = Array.isArray(group.members) ? group.members.filter((m) => m && typeof m === 'object') : [];
    if (members.length !== group.members?.length) return;
    if (members.length % 2 === 0) ctx.addIssue({ code: 'custom', path: ['members'], message: 'preparatory_odd' });
    if (2 * members.filter((m) => m.seat === 'owner').length < members.length)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'preparatory_owners_half' });
    const leads = members.filter((m) => m.lead);
    if (leads.length !== 1 || leads[0]!.seat !== 'street')
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'preparatory_street_lead' });
  })
  .openapi('PreparatoryGroupInput');
export type PreparatoryGroupInput = z.infer<typeof PreparatoryGroupInputSchema>;

export const CommitteeTermInputSchema = z
  .object({
    electedOn: IsoDateSchema,
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    seats: z.int().min(5).max(11),
    /** The meeting that elected it, as the voting plugin names it (e.g. its meeting's id). */
    electedBy: z.string().trim().max(200).nullable().default(null),
  })
  .superRefine((term, ctx) => {
    // Runs after field errors too: dates that are not dates were refused already.
    if ([term.electedOn, term.startsOn, term.endsOn].some((d) => typeof d !== 'string' || Number.isNaN(Date.parse(d))))
      return;
    if (term.seats % 2 === 0) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'committee_seats' });
    if (term.startsOn < term.electedOn) ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'window_order' });
    const limit = new Date(`${term.startsOn}T00:00:00Z`);
    limit.setUTCFullYear(limit.getUTCFullYear() + 5);
    if (term.endsOn <= term.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'window_order' });
    else if (term.endsOn > limit.toISOString().slice(0, 10))
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'committee_term_length' });
  })
  .openapi('CommitteeTermInput');
export type CommitteeTermInput = z.infer<typeof CommitteeTermInputSchema>;

export const CommitteeFilingInputSchema = z
  .object({
    filedOn: IsoDateSchema,
    /** 民办非企业单位登记证号, once registered. */
    registrationNo: z.string().trim().max(60).nullable().default(null),
    /** The committee's own public account (开户行 and account number). */
    bankAccount: z.string().trim().max(120).nullable().default(null),
  })
  .openapi('CommitteeFilingInput');

/** The neighbourhood's bodies as they stand: the 筹备组 and its clock, the committee's term, 备案 and vacancies. */
export const GovernanceSchema = z
  .object({
    preparatory: z
      .object({
        id: IdSchema,
        formedOn: IsoDateSchema,
        firstMeetingDue: IsoDateSchema,
        firstMeetingOn: IsoDateSchema.nullable(),
        daysLeft: z.int().nullable(),
        overdue: z.boolean(),
        noticeId: IdSchema,
        members: z.array(
          z.object({
            name: z.string(),
            seat: z.enum(PREPARATORY_SEATS),
            lead: z.boolean(),
            userId: IdSchema.nullable(),
          }),
        ),
      })
      .nullable(),
    term: z
      .object({
        id: IdSchema,
        electedOn: IsoDateSchema,
        startsOn: IsoDateSchema,
        endsOn: IsoDateSchema,
        seats: z.int(),
        seated: z.int(),
        vacancies: z.int(),
        electedBy: z.string().nullable(),
        filingDue: IsoDateSchema,
        filedOn: IsoDateSchema.nullable(),
        filingOverdue: z.boolean(),
        registrationNo: z.string().nullable(),
        bankAccount: z.string().nullable(),
        /** The papers the filing made: 备案 receipt, registration certificate, the account's licence. */
        documents: z.array(LedgerDocumentSchema),
        daysToEnd: z.int(),
      })
      .nullable(),
  })
  .openapi('Governance');
export type Governance = z.infer<typeof GovernanceSchema>;

/** What a 社区/街道 sees of each neighbourhood's bodies, one row per neighbourhood in its branch. */
export const CommitteeHealthSchema = z
  .object({
    neighbourhood: z.object({ slug: z.string(), name: z.string() }),
    governance: GovernanceSchema,
  })
  .openapi('CommitteeHealth');

/** The criteria a supervisory committee scores by default (each 1–5); it may use its own. */
export const EVALUATION_CRITERIA = [
  '依法履职',
  '财务公开',
  '议事规范',
  '回应业主诉求',
  '维修资金与公共收益管理',
] as const;

export const EvaluationInputSchema = z
  .object({
    period: z
      .string()
      .regex(/^\d{4}(-(H[12]|Q[1-4]))?$/, { error: 'evaluation_period' })
      .openapi({ example: '2026-H2' }),
    scores: z
      .array(
        z.object({
          criterion: displayText(30),
          score: z.int().min(1).max(5),
          remark: z.string().trim().max(500).default(''),
        }),
      )
      .min(1)
      .max(12),
    summary: z.string({ error: 'body_required' }).trim().min(1, { error: 'body_required' }).max(2000),
  })
  .openapi('EvaluationInput');
export type EvaluationInput = z.infer<typeof EvaluationInputSchema>;

export const EvaluationSchema = z
  .object({
    id: IdSchema,
    period: z.string(),
    scores: z.array(z.object({ criterion: z.string(), score: z.int(), remark: z.string() })),
    /** The mean score, to one decimal. */
    average: z.number(),
    summary: z.string(),
    evaluatedByName: z.string(),
    noticeId: IdSchema,
    createdAt: TimestampSchema,
  })
  .openapi('Evaluation');

export const DECISION_RULES = ['half_or_more', 'more_than_half'] as const;
export const GovernanceSettingsSchema = z
  .object({
    /** `half_or_more`: 半数以上同意 (the rules' default, half included); `more_than_half`: 过半数. */
    decisionRule: z.enum(DECISION_RULES),
  })
  .openapi('GovernanceSettings');
export type GovernanceSettings = z.infer<typeof GovernanceSettingsSchema>;

const votes = z.int().min(0).max(11);

export const CommitteeMeetingInputSchema = z
  .object({
    heldOn: IsoDateSchema,
    title: displayText(60, { required: 'title_required' }),
    agenda: z.string({ error: 'body_required' }).trim().min(1, { error: 'body_required' }).max(2000),
    /** The seated committee members who attended, by user id. */
    attendeeIds: z.array(IdSchema).min(1).max(11),
    decisions: z
      .array(z.object({ text: displayText(200), agree: votes, oppose: votes, abstain: votes }))
      .max(20)
      .default([]),
    minutes: z.string({ error: 'body_required' }).trim().min(1, { error: 'body_required' }).max(10_000),
  })
  .openapi('CommitteeMeetingInput');
export type CommitteeMeetingInput = z.infer<typeof CommitteeMeetingInputSchema>;

export const CommitteeMeetingSchema = z
  .object({
    id: IdSchema,
    heldOn: IsoDateSchema,
    title: z.string(),
    agenda: z.string(),
    attendees: z.array(z.string()),
    membersTotal: z.int(),
    decisions: z.array(
      z.object({ text: z.string(), agree: z.int(), oppose: z.int(), abstain: z.int(), passed: z.boolean() }),
    ),
    minutes: z.string(),
    noticeId: IdSchema,
  })
  .openapi('CommitteeMeeting');

/**
 * The event a plugin emits when an election of the committee is counted (`<plugin id>.committee_elected`): the core
 * keeps the result for the admin to link each elected name to a member. Names only: a plugin's candidates need not
 * have accounts.
 */
export const COMMITTEE_ELECTED_EVENT = 'committee_elected';
export const CommitteeElectedEventSchema = z.object({
  meetingId: z.string().min(1).max(100),
  meetingTitle: z.string().min(1).max(200),
  motionTitle: z.string().min(1).max(200),
  /** 补选: fills vacancies on the sitting committee rather than electing a new one. */
  byElection: z.boolean(),
  seats: z.int().min(1).max(11),
  closedAt: TimestampSchema,
  elected: z
    .array(z.object({ candidateId: z.string().min(1).max(100), name: z.string().trim().min(1).max(40) }))
    .max(11),
  /** Seats the count left open: empty, or contended by a tie that a run-off decides. */
  unfilled: z.int().min(0).max(11),
  /** The result notice the plugin published to 公示. */
  noticeId: IdSchema.nullable(),
});
export type CommitteeElectedEvent = z.infer<typeof CommitteeElectedEventSchema>;

export const ELECTION_STATUSES = ['pending', 'applied', 'dismissed'] as const;

export const CommitteeElectionSchema = z
  .object({
    id: IdSchema,
    source: z.string(),
    meetingTitle: z.string(),
    motionTitle: z.string(),
    byElection: z.boolean(),
    seats: z.int(),
    electedOn: IsoDateSchema,
    elected: z.array(z.object({ candidateId: z.string(), name: z.string() })),
    unfilled: z.int(),
    noticeId: IdSchema.nullable(),
    status: z.enum(ELECTION_STATUSES),
    termId: IdSchema.nullable(),
    handledByName: z.string().nullable(),
    handledAt: TimestampSchema.nullable(),
    dismissReason: z.string().nullable(),
    createdAt: TimestampSchema,
  })
  .openapi('CommitteeElection');
export type CommitteeElection = z.infer<typeof CommitteeElectionSchema>;

/**
 * Taking an election's result: each elected name linked to the member they are (or null: declined, or not yet on the
 * platform — the seat stays vacant), with the position they were given; a new committee's term dates (a by-election
 * joins the sitting term on `startsOn`).
 */
export const ElectionApplyInputSchema = z
  .object({
    startsOn: IsoDateSchema,
    /** The term's end; ignored for a by-election, which joins the sitting term. */
    endsOn: IsoDateSchema.nullable().default(null),
    members: z
      .array(
        z.object({
          candidateId: z.string().min(1).max(100),
          userId: IdSchema.nullable(),
          position: z.enum(['chair', 'vice_chair', 'member']).default('member'),
        }),
      )
      .max(11),
  })
  .superRefine((input, ctx) => {
    const members = Array.isArray(input.members) ? input.members : [];
    const users = members.flatMap((m) => (m && typeof m === 'object' && m.userId ? [m.userId] : []));
    if (new Set(users).size !== users.length)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'election_member_twice' });
    if (members.filter((m) => m && typeof m === 'object' && m.position === 'chair').length > 1)
      ctx.addIssue({ code: 'custom', path: ['members'], message: 'election_two_chairs' });
  })
  .openapi('ElectionApplyInput');
export type ElectionApplyInput = z.infer<typeof ElectionApplyInputSchema>;

export const ElectionDismissInputSchema = z
  .object({ reason: z.string({ error: 'body_required' }).trim().min(1, { error: 'body_required' }).max(500) })
  .openapi('ElectionDismissInput');
