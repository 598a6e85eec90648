import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { users } from './platform.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

/**
 * The 筹备组 that prepares the first 业主大会 (DOMAIN.md §3): formed on a day, its list published to 公示 when it is
 * formed, the first meeting due 90 days later. One at a time per neighbourhood.
 */
export const preparatoryGroups = pgTable(
  'preparatory_groups',
  {
    id: id(),
    tenantId: tenantId(),
    formedOn: date('formed_on').notNull(),
    firstMeetingDue: date('first_meeting_due').notNull(),
    firstMeetingOn: date('first_meeting_on'),
    noticeId: uuid('notice_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('preparatory_groups_open_key')
      .on(t.tenantId)
      .where(sql`first_meeting_on is null`),
    check('preparatory_groups_due', sql`first_meeting_due = formed_on + 90`),
    ...tenantPolicies('preparatory_groups'),
  ],
).enableRLS();

/** A seat on the 筹备组: owners' representatives, the developer, the 街道 (who leads), the 社区, the party organisations. */
export const preparatoryMembers = pgTable(
  'preparatory_members',
  {
    id: id(),
    tenantId: tenantId(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => preparatoryGroups.id),
    name: text('name').notNull(),
    seat: text('seat', {
      enum: ['owner', 'developer', 'street', 'community', 'party_branch', 'community_party', 'street_party'],
    }).notNull(),
    lead: boolean('lead').notNull(),
    userId: uuid('user_id').references(() => users.id),
  },
  (t) => [index('preparatory_members_group_idx').on(t.groupId), ...tenantPolicies('preparatory_members')],
).enableRLS();

/**
 * A term of the 业主委员会: elected on a day (by a meeting of the voting plugin, named in `elected_by`), 5–11 seats,
 * at most five years; 备案 due 30 days after the election; its registration and public account once made.
 */
export const committeeTerms = pgTable(
  'committee_terms',
  {
    id: id(),
    tenantId: tenantId(),
    electedOn: date('elected_on').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    seats: smallint('seats').notNull(),
    electedBy: text('elected_by'),
    filingDue: date('filing_due').notNull(),
    filedOn: date('filed_on'),
    registrationNo: text('registration_no'),
    bankAccount: text('bank_account'),
    endedOn: date('ended_on'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('committee_terms_current_key')
      .on(t.tenantId)
      .where(sql`ended_on is null`),
    check('committee_terms_seats', sql`seats between 5 and 11 and seats % 2 = 1`),
    check(
      'committee_terms_length',
      sql`starts_on >= elected_on and ends_on > starts_on and ends_on <= starts_on + interval '5 years'`,
    ),
    check('committee_terms_filing', sql`filing_due = elected_on + 30`),
    ...tenantPolicies('committee_terms'),
  ],
).enableRLS();

/**
 * The supervisory committee's periodic evaluation of the owners' committee: a score per criterion with remarks,
 * published to 公示 when made. Made by one of its seated members on behalf of the body.
 */
export const committeeEvaluations = pgTable(
  'committee_evaluations',
  {
    id: id(),
    tenantId: tenantId(),
    /** What it covers: a year (`2026`) or a half or quarter of one (`2026-H1`, `2026-Q3`). */
    period: text('period').notNull(),
    scores: jsonb('scores').$type<{ criterion: string; score: number; remark: string }[]>().notNull(),
    summary: text('summary').notNull(),
    evaluatedBy: uuid('evaluated_by')
      .notNull()
      .references(() => users.id),
    noticeId: uuid('notice_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('committee_evaluations_tenant_idx').on(t.tenantId, t.period),
    ...tenantPolicies('committee_evaluations'),
  ],
).enableRLS();

/** How the committee decides (DOMAIN.md §3, a setting): at least half of all members by default, or more than half. */
export const governanceSettings = pgTable(
  'governance_settings',
  {
    tenantId: tenantId().primaryKey(),
    decisionRule: text('decision_rule', { enum: ['half_or_more', 'more_than_half'] }).notNull(),
  },
  () => [...tenantPolicies('governance_settings')],
).enableRLS();

/**
 * A meeting of the owners' committee: who of its seated members attended (quorum: more than half), the decisions
 * with their votes, the minutes, published to 公示 when recorded.
 */
export const committeeMeetings = pgTable(
  'committee_meetings',
  {
    id: id(),
    tenantId: tenantId(),
    heldOn: date('held_on').notNull(),
    title: text('title').notNull(),
    agenda: text('agenda').notNull(),
    attendeeIds: uuid('attendee_ids').array().notNull(),
    /** Members seated on the day: what the quorum and the decisions are counted against. */
    membersTotal: smallint('members_total').notNull(),
    minutes: text('minutes').notNull(),
    decisions: jsonb('decisions')
      .$type<{ text: string; agree: number; oppose: number; abstain: number; passed: boolean }[]>()
      .notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    noticeId: uuid('notice_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('committee_meetings_tenant_idx').on(t.tenantId, t.heldOn),
    check('committee_meetings_quorum', sql`2 * cardinality(attendee_ids) > members_total`),
    ...tenantPolicies('committee_meetings'),
  ],
).enableRLS();

/**
 * An election's result as the plugin that ran it reported it (a plugin event, `<plugin>.committee_elected`): the
 * elected by name, waiting for the admin to link each name to a member and start the term (or, for a by-election,
 * seat them). The core never reads the plugin's tables; this row is all it knows of the election.
 */
export const committeeElections = pgTable(
  'committee_elections',
  {
    id: id(),
    tenantId: tenantId(),
    /** The plugin that reported it and the event it came in (a re-delivered event adds nothing). */
    source: text('source').notNull(),
    eventId: uuid('event_id').notNull(),
    meetingRef: text('meeting_ref').notNull(),
    meetingTitle: text('meeting_title').notNull(),
    motionTitle: text('motion_title').notNull(),
    byElection: boolean('by_election').notNull(),
    seats: smallint('seats').notNull(),
    electedOn: date('elected_on').notNull(),
    elected: jsonb('elected').$type<{ candidateId: string; name: string }[]>().notNull(),
    /** Seats the count left open: empty, or contended by a tie that a run-off decides. */
    unfilled: smallint('unfilled').notNull(),
    noticeId: uuid('notice_id'),
    status: text('status', { enum: ['pending', 'applied', 'dismissed'] })
      .notNull()
      .default('pending'),
    termId: uuid('term_id').references(() => committeeTerms.id),
    handledBy: uuid('handled_by').references(() => users.id),
    handledAt: timestamp('handled_at', { withTimezone: true }),
    dismissReason: text('dismiss_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('committee_elections_event_key').on(t.tenantId, t.eventId),
    index('committee_elections_pending_idx')
      .on(t.tenantId)
      .where(sql`status = 'pending'`),
    ...tenantPolicies('committee_elections'),
  ],
).enableRLS();
