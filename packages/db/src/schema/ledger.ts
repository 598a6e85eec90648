import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns.ts';
import { users } from './platform.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * The neighbourhood's governing bodies, seat by seat: the 业主委员会 and the 业主监督委员会 (DOMAIN.md §3). A seat is held
 * from `joined_on` until `left_on`; who holds a seat today signs for the body (expense approvals, countersignatures).
 */
export const committeeMembers = pgTable(
  'committee_members',
  {
    id: id(),
    tenantId: tenantId(),
    body: text('body', { enum: ['committee', 'supervisory'] }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** 主任 / 副主任 / 委员 (the supervisory committee: 召集人 / 委员). */
    position: text('position', { enum: ['chair', 'vice_chair', 'member'] }).notNull(),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    leftReason: text('left_reason', { enum: ['resigned', 'removed', 'term_ended'] }),
    /**
     * 交叉任职: the post this member holds in the neighbourhood's party organisation (e.g. 党支部书记), recorded by
     * hand when a party member was elected through the legal procedure; never set from the party plugin.
     */
    partyPost: text('party_post'),
    createdAt: createdAt(),
  },
  (t) => [
    index('committee_members_tenant_body_idx').on(t.tenantId, t.body),
    // One seat per person and body at a time.
    uniqueIndex('committee_members_current_key')
      .on(t.tenantId, t.body, t.userId)
      .where(sql`left_on is null`),
    check(
      'committee_members_left',
      sql`(left_on is null) = (left_reason is null) and (left_on is null or left_on >= joined_on)`,
    ),
    ...tenantPolicies('committee_members'),
  ],
).enableRLS();

/** The ledger's rules here: how many committee members approve an expense, above what the supervisors countersign. */
export const ledgerSettings = pgTable(
  'ledger_settings',
  {
    tenantId: tenantId().primaryKey(),
    approvalsNeeded: smallint('approvals_needed').notNull(),
    countersignAboveFen: fen('countersign_above_fen').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [...tenantPolicies('ledger_settings')],
).enableRLS();

/** The chart of accounts: the defaults every neighbourhood starts with, and the ones its treasurer adds. */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: id(),
    tenantId: tenantId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['asset', 'liability', 'equity', 'income', 'expense'] }).notNull(),
    /** The stable role of a default account (`bank`, `dividends`…), which the ledger's own postings look up. */
    purpose: text('purpose'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_code_key').on(t.tenantId, t.code),
    uniqueIndex('ledger_accounts_purpose_key').on(t.tenantId, t.purpose),
    ...tenantPolicies('ledger_accounts'),
  ],
).enableRLS();

/**
 * A journal entry, numbered in order per neighbourhood. Entries and their lines are never changed or deleted (the
 * app role may only insert them, migration 0038): a mistake is corrected by a reversing entry.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    tenantId: tenantId(),
    number: integer('number').notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** `YYYY-MM` of `occurred_on`: the month the entry is reported in, closed as a whole. */
    period: text('period').notNull(),
    kind: text('kind', { enum: ['income', 'expense', 'dividend', 'dividend_payment', 'reversal', 'other'] }).notNull(),
    memo: text('memo').notNull(),
    reversesId: uuid('reverses_id'),
    expenseId: uuid('expense_id'),
    dividendId: uuid('dividend_id'),
    postedBy: uuid('posted_by')
      .notNull()
      .references(() => users.id),
    postedAt: createdAt('posted_at'),
  },
  (t) => [
    uniqueIndex('ledger_entries_number_key').on(t.tenantId, t.number),
    // An entry is reversed once at most; an expense is paid once at most.
    uniqueIndex('ledger_entries_reverses_key').on(t.reversesId),
    uniqueIndex('ledger_entries_expense_key')
      .on(t.expenseId)
      .where(sql`kind = 'expense'`),
    index('ledger_entries_period_idx').on(t.tenantId, t.period),
    check('ledger_entries_period_matches', sql`period = to_char(occurred_on, 'YYYY-MM')`),
    ...tenantPolicies('ledger_entries'),
  ],
).enableRLS();

/** A line of an entry: signed fen, debit positive and credit negative; each entry's lines sum to zero at commit. */
export const ledgerLines = pgTable(
  'ledger_lines',
  {
    tenantId: tenantId(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    line: smallint('line').notNull(),
    /** The entry's period, kept on each line so the monthly balances are summed from the lines alone. */
    period: text('period').notNull(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    amountFen: fen('amount_fen').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.line] }),
    index('ledger_lines_account_idx').on(t.tenantId, t.accountId),
    check('ledger_lines_amount_nonzero', sql`amount_fen <> 0`),
    ...tenantPolicies('ledger_lines'),
  ],
).enableRLS();

/**
 * Each account's movement per month: the sum of its lines, kept by the database as lines are added (trigger of
 * migration 0038), so statements read a row per account and month instead of every line (a million entries: the
 * same few hundred rows). Never written by the app.
 */
export const ledgerBalances = pgTable(
  'ledger_balances',
  {
    tenantId: tenantId(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    period: text('period').notNull(),
    amountFen: fen('amount_fen').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.accountId, t.period] }), ...tenantPolicies('ledger_balances')],
).enableRLS();

/** A month of the ledger: closed by the treasurer (no more entries dated in it), reviewed by the supervisors. */
export const ledgerPeriods = pgTable(
  'ledger_periods',
  {
    tenantId: tenantId(),
    period: text('period').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewNote: text('review_note'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.period] }),
    check('ledger_periods_review_after_close', sql`reviewed_at is null or closed_at is not null`),
    ...tenantPolicies('ledger_periods'),
  ],
).enableRLS();

/**
 * An expense from proposal to payment: committee members other than the proposer approve it; above the threshold
 * the supervisory committee countersigns; paying it posts the entry (once: the entry's unique key on the expense).
 */
export const ledgerExpenses = pgTable(
  'ledger_expenses',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    payee: text('payee').notNull(),
    reason: text('reason').notNull(),
    amountFen: fen('amount_fen').notNull(),
    expenseAccountId: uuid('expense_account_id')
      .notNull()
      .references(() => ledgerAccounts.id),
    status: text('status', { enum: ['proposed', 'approved', 'paid', 'rejected', 'withdrawn'] }).notNull(),
    /** The rules when it was proposed: a later change of settings does not move an expense's goalposts. */
    approvalsNeeded: smallint('approvals_needed').notNull(),
    countersignNeeded: smallint('countersign_needed').notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: createdAt('proposed_at'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    entryId: uuid('entry_id'),
  },
  (t) => [
    index('ledger_expenses_status_idx').on(t.tenantId, t.status),
    check('ledger_expenses_amount_positive', sql`amount_fen > 0`),
    check('ledger_expenses_paid_entry', sql`(status = 'paid') = (entry_id is not null)`),
    ...tenantPolicies('ledger_expenses'),
  ],
).enableRLS();

/** A signature on an expense: a committee member's approval or refusal, or the supervisors' countersignature. */
export const ledgerExpenseSignatures = pgTable(
  'ledger_expense_signatures',
  {
    tenantId: tenantId(),
    expenseId: uuid('expense_id')
      .notNull()
      .references(() => ledgerExpenses.id),
    body: text('body', { enum: ['committee', 'supervisory'] }).notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    decision: text('decision', { enum: ['approve', 'reject'] }).notNull(),
    note: text('note'),
    signedAt: createdAt('signed_at'),
  },
  // One signature per person and body: two approvals sent at once count once.
  (t) => [primaryKey({ columns: [t.expenseId, t.body, t.userId] }), ...tenantPolicies('ledger_expense_signatures')],
).enableRLS();

/** A distribution to the owners (分红), shared by exclusive area among the counting owners of the day. */
export const ledgerDividends = pgTable(
  'ledger_dividends',
  {
    id: id(),
    tenantId: tenantId(),
    title: text('title').notNull(),
    totalFen: fen('total_fen').notNull(),
    /** Σ area of the owners it was shared among, in 0.01 m². */
    totalArea: bigint('total_area', { mode: 'number' }).notNull(),
    declaredOn: date('declared_on').notNull(),
    declaredBy: uuid('declared_by')
      .notNull()
      .references(() => users.id),
    entryId: uuid('entry_id').notNull(),
    /**
     * Every counting owner's share, in the order allocated: one value written once (20,000 owners are one row, not
     * 20,000), read whole by the treasurer and searched by owner for an owner's own share.
     */
    shares: jsonb('shares')
      .$type<DividendShareRow[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdAt: createdAt(),
  },
  () => [check('ledger_dividends_total_positive', sql`total_fen > 0`), ...tenantPolicies('ledger_dividends')],
).enableRLS();

/** One counting owner's share as a distribution keeps it (`ledger_dividends.shares`). */
export interface DividendShareRow {
  key: string;
  ownerIds: string[];
  unitIds: string[];
  area: number;
  fen: number;
}

/** A share once paid: written when the treasurer records the payment (a share not yet paid has no row). */
export const ledgerDividendShares = pgTable(
  'ledger_dividend_shares',
  {
    tenantId: tenantId(),
    dividendId: uuid('dividend_id')
      .notNull()
      .references(() => ledgerDividends.id),
    ownerKey: text('owner_key').notNull(),
    /** The registry's owners (none for the developer) and units this share was computed for. */
    ownerIds: uuid('owner_ids').array().notNull(),
    unitIds: uuid('unit_ids').array().notNull(),
    area: bigint('area', { mode: 'number' }).notNull(),
    fen: fen('fen').notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paymentEntryId: uuid('payment_entry_id'),
  },
  (t) => [
    primaryKey({ columns: [t.dividendId, t.ownerKey] }),
    check('ledger_dividend_shares_paid', sql`(paid_at is null) = (payment_entry_id is null)`),
    ...tenantPolicies('ledger_dividend_shares'),
  ],
).enableRLS();

/** Evidence (receipts, contracts, photos) for an entry or an expense, and third-party audit reports of a period. */
export const ledgerDocuments = pgTable(
  'ledger_documents',
  {
    id: id(),
    tenantId: tenantId(),
    /** `registration`: the committee term's 备案 receipt, registration certificate, account licence. */
    kind: text('kind', { enum: ['evidence', 'audit_report', 'registration'] }).notNull(),
    entryId: uuid('entry_id'),
    expenseId: uuid('expense_id'),
    termId: uuid('term_id'),
    /** An audit report's 公示 notice, published with it. */
    noticeId: uuid('notice_id'),
    /** An audit report's period: `YYYY` or `YYYY-MM`. */
    period: text('period'),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: createdAt('uploaded_at'),
  },
  (t) => [
    index('ledger_documents_entry_idx').on(t.entryId),
    index('ledger_documents_expense_idx').on(t.expenseId),
    index('ledger_documents_term_idx').on(t.termId),
    check(
      'ledger_documents_about',
      sql`(kind = 'evidence' and (entry_id is not null or expense_id is not null)) or (kind = 'audit_report' and period is not null) or (kind = 'registration' and term_id is not null)`,
    ),
    ...tenantPolicies('ledger_documents'),
  ],
).enableRLS();
