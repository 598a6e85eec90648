import type { CommitteeBody, CommitteeMember, Expense, LedgerAccountType } from '@city/contracts';
import { parseYuan, type YuanProblem } from './money.ts';

/** 公共收益 in the portal: what its pages share that needs no words (those are in ledger-labels.ts). */

// The API's enums, for pages' choices (contracts' root entry, which brings zod, stays out of browser code).
export const ACCOUNT_TYPES = [
  'asset',
  'liability',
  'equity',
  'income',
  'expense',
] as const satisfies readonly LedgerAccountType[];
export const BODIES = ['committee', 'supervisory'] as const satisfies readonly CommitteeBody[];
export const POSITIONS = ['chair', 'vice_chair', 'member'] as const satisfies readonly CommitteeMember['position'][];
export const LEAVE_REASONS = ['resigned', 'removed', 'term_ended'] as const satisfies readonly NonNullable<
  CommitteeMember['leftReason']
>[];

/** The default chart's accounts by their role: the portal names them in the reader's language. */
export const DEFAULT_PURPOSES = [
  'cash',
  'bank',
  'dividends_payable',
  'other_payable',
  'net_assets',
  'parking',
  'advertising',
  'venue_rental',
  'other_income',
  'repairs',
  'property_fee_subsidy',
  'dividends',
  'audit',
  'office',
] as const;
export type DefaultPurpose = (typeof DEFAULT_PURPOSES)[number];

export const isDefaultPurpose = (purpose: string | null | undefined): purpose is DefaultPurpose =>
  (DEFAULT_PURPOSES as readonly string[]).includes(purpose ?? '');

/** Roles that keep the books (the API's TREASURERS) and that set the rules and seats (TENANT_MANAGERS). */
export const isTreasurer = (roles: readonly string[]) => roles.includes('admin') || roles.includes('committee');
export const isLedgerAdmin = (roles: readonly string[]) => roles.includes('admin');

/** Whether a person holds a current seat on a body (only they sign for it). */
export const seated = (seats: readonly CommitteeMember[], body: CommitteeBody, userId: string | undefined) =>
  !!userId && seats.some((seat) => seat.body === body && seat.userId === userId && seat.leftOn === null);

/** What a viewer may sign on an expense still open: the committee's approval, the supervisors' countersignature. */
export function signable(
  expense: Pick<Expense, 'status' | 'proposedBy' | 'countersignNeeded' | 'signatures'>,
  seats: readonly CommitteeMember[],
  userId: string | undefined,
) {
  const open = expense.status === 'proposed' && !!userId;
  const signed = (body: CommitteeBody) => expense.signatures.some((sig) => sig.body === body && sig.userId === userId);
  return {
    committee: open && seated(seats, 'committee', userId) && expense.proposedBy !== userId && !signed('committee'),
    supervisory:
      open && expense.countersignNeeded > 0 && seated(seats, 'supervisory', userId) && !signed('supervisory'),
  };
}

/** Today's date (`YYYY-MM-DD`) in China, where the books are kept. */
export const beijingToday = (now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .slice(0, 10);

/** `YYYY-MM`, `months` before (or, negative, after) `period`. */
export function shiftMonth(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + (month - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A month asked for in a query, if it is one. */
export const periodParam = (value: string | null) => (value && PERIOD.test(value) ? value : undefined);

// One page holds several forms (income, an expense, each approved expense's payment): what an action answers names
// its form (`_form`) and the row it was about (`_id`), so the page shows the outcome next to that form only.

/** A refused form: the API's message (or the portal's), errors by field, and what was typed. */
export interface LedgerFailure {
  message: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

/** The failure of one form, if that form was the one refused. */
export function failureOf(form: unknown, name: string, id = ''): LedgerFailure | null {
  if (!form || typeof form !== 'object' || !('fieldErrors' in form)) return null;
  const failure = form as LedgerFailure;
  return failure.values._form === name && (failure.values._id ?? '') === id ? failure : null;
}

/** What a successful action answers: its form, its row, and what it made (an entry's number, say). */
export interface LedgerDone {
  done: string;
  id?: string;
  number?: number;
  entryId?: string;
}

/** The action that just went through, if it was `name` (on row `id`, when given). */
export function doneOf(form: unknown, name: string, id?: string): LedgerDone | null {
  if (!form || typeof form !== 'object' || !('done' in form)) return null;
  const done = form as LedgerDone;
  return done.done === name && (id === undefined || (done.id ?? '') === id) ? done : null;
}

/**
 * A TextField's or SelectField's `name`, `value` and `error`: what was typed if its form was refused, else
 * `fallback`. Spread it: `<TextField label={…} {...fieldOf(failure, 'memo')} />`.
 */
export const fieldOf = (failure: LedgerFailure | null, name: string, fallback = '') => ({
  name,
  value: failure?.values[name] ?? fallback,
  error: failure?.fieldErrors[name],
});

/** A row of the journal form as typed: an account and 元 on one side. */
export interface JournalRow {
  accountId: string;
  debit: string;
  credit: string;
}

export type LineProblem = YuanProblem | 'one_side' | 'account';

/**
 * The journal form's rows → the API's lines (fen), skipping rows left blank; `rowOf[k]` is the form row of line `k`
 * (to put the API's errors back next to the right row). Errors are keyed `accountId.3`, `debit.3`, `credit.3`.
 */
export function journalLines(rows: readonly JournalRow[]) {
  const lines: { accountId: string; debitFen: number; creditFen: number }[] = [];
  const rowOf: number[] = [];
  const errors: Record<string, LineProblem> = {};
  rows.forEach((row, i) => {
    const debit = row.debit.trim();
    const credit = row.credit.trim();
    if (!row.accountId && !debit && !credit) return;
    if (!row.accountId) errors[`accountId.${i}`] = 'account';
    if (!debit === !credit) {
      errors[`debit.${i}`] = 'one_side';
      return;
    }
    const side = debit ? 'debit' : 'credit';
    const parsed = parseYuan(debit || credit);
    if ('problem' in parsed) {
      errors[`${side}.${i}`] = parsed.problem;
      return;
    }
    lines.push({
      accountId: row.accountId,
      debitFen: side === 'debit' ? parsed.fen : 0,
      creditFen: side === 'credit' ? parsed.fen : 0,
    });
    rowOf.push(i);
  });
  return { lines, rowOf, errors };
}

/** The running totals of 借方 and 贷方 over what parses so far (the form shows them as one types). */
export function journalTotals(rows: readonly JournalRow[]) {
  const sum = (side: 'debit' | 'credit') =>
    rows.reduce((total, row) => {
      const parsed = parseYuan(row[side]);
      return total + ('fen' in parsed ? parsed.fen : 0);
    }, 0);
  const debitFen = sum('debit');
  const creditFen = sum('credit');
  return { debitFen, creditFen, balanced: debitFen > 0 && debitFen === creditFen };
}

/** The API's field path of a journal line (`lines.1.debitFen`) → the form's field (`debit.3`). */
export function journalField(path: string, rowOf: readonly number[]): string {
  const match = /^lines\.(\d+)\.(accountId|debitFen|creditFen)$/.exec(path);
  if (!match) return path;
  const row = rowOf[Number(match[1])];
  if (row === undefined) return path;
  const field = match[2] === 'accountId' ? 'accountId' : match[2] === 'creditFen' ? 'credit' : 'debit';
  return `${field}.${row}`;
}

export const SHARE_STATES = ['unpaid', 'paid', 'all'] as const;
export type ShareState = (typeof SHARE_STATES)[number];

/**
 * A distribution page's filter as its address gives it (a GET form, so the back button returns to it): the search as
 * the API takes it (trimmed, 40 characters), the payment state (unpaid first: what is left to pay), the page's cursor.
 */
export function shareFilter(search: URLSearchParams) {
  return {
    q: (search.get('q') ?? '').trim().slice(0, 40),
    state: SHARE_STATES.find((s) => s === search.get('state')) ?? 'unpaid',
    cursor: search.get('cursor') || undefined,
  };
}
