import { z } from '@hono/zod-openapi';
import { IdSchema, PageQuerySchema, pageOf, TimestampSchema } from './common.ts';
import { IsoDateSchema } from './calendar.ts';
import { displayText } from './text.ts';

/** The neighbourhood's governing bodies that sign for the ledger (DOMAIN.md §3). */
export const COMMITTEE_BODIES = ['committee', 'supervisory'] as const;
export type CommitteeBody = (typeof COMMITTEE_BODIES)[number];
export const COMMITTEE_POSITIONS = ['chair', 'vice_chair', 'member'] as const;
export const COMMITTEE_LEAVE_REASONS = ['resigned', 'removed', 'term_ended'] as const;

export const LEDGER_ACCOUNT_TYPES = ['asset', 'liability', 'equity', 'income', 'expense'] as const;
export type LedgerAccountType = (typeof LEDGER_ACCOUNT_TYPES)[number];
export const LEDGER_ENTRY_KINDS = ['income', 'expense', 'dividend', 'dividend_payment', 'reversal', 'other'] as const;
export const EXPENSE_STATUSES = ['proposed', 'approved', 'paid', 'rejected', 'withdrawn'] as const;

/** The most one entry, expense or distribution may move: 10 亿元, far above a neighbourhood's revenue. */
export const MAX_FEN = 100_000_000_000;

/** An amount of money in integer fen (分), more than zero. */
export const FenSchema = z
  .int({ error: 'amount_fen' })
  .min(1, { error: 'amount_fen' })
  .max(MAX_FEN, { error: 'amount_fen' })
  .openapi({ example: 12_000 });

/** `YYYY-MM`: a month of the ledger. */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'period_format' })
  .openapi({ example: '2026-11' });

export const CommitteeMemberInputSchema = z
  .object({
    body: z.enum(COMMITTEE_BODIES),
    userId: IdSchema,
    position: z.enum(COMMITTEE_POSITIONS).default('member'),
    joinedOn: IsoDateSchema,
  })
  .openapi('CommitteeMemberInput');
export type CommitteeMemberInput = z.infer<typeof CommitteeMemberInputSchema>;

export const CommitteeMemberLeaveSchema = z
  .object({ leftOn: IsoDateSchema, reason: z.enum(COMMITTEE_LEAVE_REASONS) })
  .openapi('CommitteeMemberLeave');

export const CommitteeMemberSchema = z
  .object({
    id: IdSchema,
    body: z.enum(COMMITTEE_BODIES),
    userId: IdSchema,
    name: z.string(),
    position: z.enum(COMMITTEE_POSITIONS),
    joinedOn: IsoDateSchema,
    leftOn: IsoDateSchema.nullable(),
    leftReason: z.enum(COMMITTEE_LEAVE_REASONS).nullable(),
    /** 交叉任职: the member's post in the party organisation, recorded by hand. */
    partyPost: z.string().nullable(),
  })
  .openapi('CommitteeMember');
export type CommitteeMember = z.infer<typeof CommitteeMemberSchema>;

/** 交叉任职 recorded (or cleared, with null) by hand: never inferred from party membership. */
export const CrossAppointmentInputSchema = z
  .object({ partyPost: z.string().trim().min(1).max(40).nullable() })
  .openapi('CrossAppointmentInput');

export const LedgerSettingsSchema = z
  .object({
    /** Committee members (never the proposer) who must approve an expense. */
    approvalsNeeded: z.int().min(1).max(11),
    /** Above this amount (fen) the supervisory committee must countersign too; 0: every expense. */
    countersignAboveFen: z.int().min(0).max(MAX_FEN),
  })
  .openapi('LedgerSettings');
export type LedgerSettings = z.infer<typeof LedgerSettingsSchema>;
export const LEDGER_DEFAULTS: LedgerSettings = { approvalsNeeded: 2, countersignAboveFen: 500_000 };

export const LedgerAccountInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{4,8}$/, { error: 'account_code' }),
    name: displayText(30, { required: 'name_required', tooLong: 'name_too_long' }),
    type: z.enum(LEDGER_ACCOUNT_TYPES),
  })
  .openapi('LedgerAccountInput');
export type LedgerAccountInput = z.infer<typeof LedgerAccountInputSchema>;

export const LedgerAccountSchema = z
  .object({
    id: IdSchema,
    code: z.string(),
    name: z.string(),
    type: z.enum(LEDGER_ACCOUNT_TYPES),
    /** A default account's role (`bank`, `parking`…): the portal names defaults in the reader's language by it. */
    purpose: z.string().nullable(),
    /** The balance on the account's own side (assets and expenses: debits − credits; others: credits − debits). */
    balanceFen: z.int(),
  })
  .openapi('LedgerAccount');
export type LedgerAccount = z.infer<typeof LedgerAccountSchema>;

/** A line as people write it in the journal: one of 借方 (debit) and 贷方 (credit), in fen. */
export const LedgerLineInputSchema = z
  .object({
    accountId: IdSchema,
    debitFen: z.int().min(0).max(MAX_FEN).default(0),
    creditFen: z.int().min(0).max(MAX_FEN).default(0),
  })
  .refine((line) => line.debitFen > 0 !== line.creditFen > 0, { error: 'line_one_side', path: ['debitFen'] });

const memo = displayText(200, { required: 'memo_required' });

/** A general journal entry (调整、期初): the treasurer gives every line. */
export const LedgerEntryInputSchema = z
  .object({ occurredOn: IsoDateSchema, memo, lines: z.array(LedgerLineInputSchema).min(2).max(20) })
  .openapi('LedgerEntryInput');
export type LedgerEntryInput = z.infer<typeof LedgerEntryInputSchema>;

/** Income received (停车费、广告费…): credited to an income account, debited to where the money went. */
export const LedgerIncomeInputSchema = z
  .object({
    occurredOn: IsoDateSchema,
    memo,
    amountFen: FenSchema,
    incomeAccountId: IdSchema,
    depositAccountId: IdSchema,
  })
  .openapi('LedgerIncomeInput');
export type LedgerIncomeInput = z.infer<typeof LedgerIncomeInputSchema>;

export const LedgerReversalInputSchema = z.object({ occurredOn: IsoDateSchema, memo }).openapi('LedgerReversalInput');

export const LedgerDocumentSchema = z
  .object({ id: IdSchema, name: z.string(), contentType: z.string(), size: z.int(), uploadedAt: TimestampSchema })
  .openapi('LedgerDocument');

/** An audit report's period: a year (`2026`) or a month (`2026-11`). */
export const AuditPeriodSchema = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { error: 'period_format' })
  .openapi({ example: '2026' });

export const AuditReportSchema = z
  .object({
    id: IdSchema,
    period: z.string(),
    name: z.string(),
    contentType: z.string(),
    size: z.int(),
    uploadedAt: TimestampSchema,
    /** The 公示 notice it was published with. */
    noticeId: IdSchema.nullable(),
  })
  .openapi('AuditReport');
export type AuditReport = z.infer<typeof AuditReportSchema>;

/** The name a file is shown under (its own name as uploaded, or what the uploader calls it). */
export const DocumentNameSchema = displayText(100, { required: 'name_required', tooLong: 'name_too_long' });

export const LedgerEntrySchema = z
  .object({
    id: IdSchema,
    number: z.int(),
    occurredOn: IsoDateSchema,
    period: z.string(),
    kind: z.enum(LEDGER_ENTRY_KINDS),
    memo: z.string(),
    reversesId: IdSchema.nullable(),
    reversedById: IdSchema.nullable(),
    expenseId: IdSchema.nullable(),
    dividendId: IdSchema.nullable(),
    postedByName: z.string(),
    postedAt: TimestampSchema,
    lines: z.array(
      z.object({
        accountId: IdSchema,
        code: z.string(),
        name: z.string(),
        purpose: z.string().nullable(),
        debitFen: z.int(),
        creditFen: z.int(),
      }),
    ),
    documents: z.array(LedgerDocumentSchema),
  })
  .openapi('LedgerEntry');
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

export const ExpenseInputSchema = z
  .object({
    title: displayText(60, { required: 'title_required' }),
    payee: displayText(60, { required: 'name_required' }),
    reason: z.string({ error: 'reason_required' }).trim().min(2, { error: 'reason_required' }).max(1000),
    amountFen: FenSchema,
    expenseAccountId: IdSchema,
  })
  .openapi('ExpenseInput');
export type ExpenseInput = z.infer<typeof ExpenseInputSchema>;

const signNote = z.string().trim().max(500).optional();
const refusal = z.string({ error: 'reason_required' }).trim().min(2, { error: 'reason_required' }).max(500);

/** A signature on an expense: a committee member approves or refuses it, a supervisor countersigns or refuses. */
export const ExpenseSignatureInputSchema = z
  .discriminatedUnion('decision', [
    z.object({ decision: z.literal('approve'), note: signNote }),
    z.object({ decision: z.literal('reject'), note: refusal }),
    z.object({ decision: z.literal('countersign'), note: signNote }),
    z.object({ decision: z.literal('refuse_countersign'), note: refusal }),
  ])
  .openapi('ExpenseSignatureInput');
export type ExpenseSignatureInput = z.infer<typeof ExpenseSignatureInputSchema>;

/** Paying an approved expense posts it: debit the expense account, credit the account it was paid from. */
export const ExpensePaymentInputSchema = z
  .object({ occurredOn: IsoDateSchema, payAccountId: IdSchema })
  .openapi('ExpensePaymentInput');
export type ExpensePaymentInput = z.infer<typeof ExpensePaymentInputSchema>;

export const ExpenseSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    payee: z.string(),
    reason: z.string(),
    amountFen: z.int(),
    expenseAccountId: IdSchema,
    expenseAccountName: z.string(),
    status: z.enum(EXPENSE_STATUSES),
    approvalsNeeded: z.int(),
    /** 1 when the supervisory committee must countersign, else 0. */
    countersignNeeded: z.int(),
    approvals: z.int(),
    countersigns: z.int(),
    proposedBy: IdSchema,
    proposedByName: z.string(),
    proposedAt: TimestampSchema,
    decidedAt: TimestampSchema.nullable(),
    entryId: IdSchema.nullable(),
    signatures: z.array(
      z.object({
        body: z.enum(COMMITTEE_BODIES),
        userId: IdSchema,
        name: z.string(),
        decision: z.enum(['approve', 'reject']),
        note: z.string().nullable(),
        signedAt: TimestampSchema,
      }),
    ),
    documents: z.array(LedgerDocumentSchema),
  })
  .openapi('Expense');
export type Expense = z.infer<typeof ExpenseSchema>;

export const DividendInputSchema = z
  .object({
    title: displayText(60, { required: 'title_required' }),
    totalFen: FenSchema,
    declaredOn: IsoDateSchema,
  })
  .openapi('DividendInput');
export type DividendInput = z.infer<typeof DividendInputSchema>;

export const DividendSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    totalFen: z.int(),
    totalArea: z.int(),
    declaredOn: IsoDateSchema,
    owners: z.int(),
    paidOwners: z.int(),
    paidFen: z.int(),
  })
  .openapi('Dividend');

export const DividendShareSchema = z
  .object({
    ownerKey: z.string(),
    /** The owners' names and the units, for the treasurer paying it; no names for the developer's units. */
    ownerNames: z.array(z.string()),
    units: z.array(z.string()),
    area: z.int(),
    fen: z.int(),
    paidAt: TimestampSchema.nullable(),
  })
  .openapi('DividendShare');

/** A distribution's shares are paged by owner key; a page holds at most this many (a phone shows 50 at a time). */
export const DIVIDEND_SHARES_PAGE_MAX = 200;

export const DividendShareQuerySchema = PageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(40)
    .optional()
    .openapi({ description: '业主姓名或房屋地址包含 / An owner’s name or a unit’s address contains' }),
  status: z
    .enum(['paid', 'unpaid'])
    .optional()
    .openapi({ description: '已发放或待发放，不填为全部 / Paid or not yet; all when absent' }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(DIVIDEND_SHARES_PAGE_MAX)
    .default(50)
    .openapi({
      description: `每页户数，最多${DIVIDEND_SHARES_PAGE_MAX} / Shares per page, at most ${DIVIDEND_SHARES_PAGE_MAX}`,
    }),
});
export type DividendShareQuery = z.infer<typeof DividendShareQuerySchema>;

/** One page of shares; `total`, `paidCount` and `paidFen` count every share the filter matches, not just this page. */
export const DividendSharePageSchema = pageOf(DividendShareSchema)
  .extend({ total: z.int(), paidCount: z.int(), paidFen: z.int() })
  .openapi('DividendSharePage');

export const DividendPaymentInputSchema = z
  .object({
    ownerKeys: z.array(z.string().min(1).max(2000)).min(1).max(1000),
    occurredOn: IsoDateSchema,
    payAccountId: IdSchema,
  })
  .openapi('DividendPaymentInput');

/** The reader's own share of each distribution (owners see theirs, nobody else's). */
export const MyDividendSchema = z
  .object({
    dividendId: IdSchema,
    title: z.string(),
    declaredOn: IsoDateSchema,
    area: z.int(),
    fen: z.int(),
    paidAt: TimestampSchema.nullable(),
  })
  .openapi('MyDividend');

export const LedgerPeriodSchema = z
  .object({
    period: z.string(),
    entries: z.int(),
    incomeFen: z.int(),
    expenseFen: z.int(),
    closedAt: TimestampSchema.nullable(),
    closedByName: z.string().nullable(),
    reviewedAt: TimestampSchema.nullable(),
    reviewedByName: z.string().nullable(),
    reviewNote: z.string().nullable(),
  })
  .openapi('LedgerPeriod');

export const PeriodReviewInputSchema = z
  .object({ note: z.string().trim().max(1000).default('') })
  .openapi('PeriodReviewInput');

const StatementLineSchema = z.object({
  accountId: IdSchema,
  code: z.string(),
  name: z.string(),
  purpose: z.string().nullable(),
  type: z.enum(LEDGER_ACCOUNT_TYPES),
  debitFen: z.int(),
  creditFen: z.int(),
  /** On the account's own side. */
  balanceFen: z.int(),
});

/**
 * The three statements over the months `from`…`to`: the trial balance and the balance sheet at the end of `to`, the
 * income statement for the months themselves.
 */
export const LedgerStatementSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    trialBalance: z.object({ lines: z.array(StatementLineSchema), debitFen: z.int(), creditFen: z.int() }),
    income: z.object({
      income: z.array(StatementLineSchema),
      expense: z.array(StatementLineSchema),
      incomeFen: z.int(),
      expenseFen: z.int(),
      netFen: z.int(),
    }),
    balanceSheet: z.object({
      assets: z.array(StatementLineSchema),
      liabilities: z.array(StatementLineSchema),
      equity: z.array(StatementLineSchema),
      /** Income less expenses not yet carried to equity. */
      retainedFen: z.int(),
      assetsFen: z.int(),
      liabilitiesAndEquityFen: z.int(),
    }),
  })
  .openapi('LedgerStatement');
export type LedgerStatement = z.infer<typeof LedgerStatementSchema>;

/** Months `from`…`to`. Without `to`, the current month; without `from`, January of `to`'s year (the year so far). */
export const StatementRangeSchema = z
  .object({ from: PeriodSchema.optional(), to: PeriodSchema.optional() })
  .openapi('StatementRange');

export const StatementQuerySchema = z.object({
  from: PeriodSchema.optional().openapi({ param: { name: 'from', in: 'query' } }),
  to: PeriodSchema.optional().openapi({ param: { name: 'to', in: 'query' } }),
});
