import type { LedgerEntry, LedgerEntryInput, LedgerIncomeInput } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { accountsById } from './accounts.ts';
import { creditOf, debitOf, isBalanced, reversalOf, type JournalLine } from './journal.ts';
import { memberNames } from './names.ts';

const e = schema.ledgerEntries;
const l = schema.ledgerLines;

type EntryKind = (typeof e.$inferInsert)['kind'];

export interface Posting {
  kind: EntryKind;
  occurredOn: string;
  memo: string;
  lines: JournalLine[];
  reversesId?: string;
  expenseId?: string;
  dividendId?: string;
}

/** `YYYY-MM` of an ISO date. */
export const periodOf = (isoDate: string) => isoDate.slice(0, 7);

/**
 * Serialises what numbers entries and closes months in one neighbourhood, for the rest of the transaction: numbers
 * stay gapless and in order, and no entry slips into a month while it is being closed.
 */
export async function lockLedger(tx: Tx, tenantId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`ledger:${tenantId}`}, 0))`);
}

async function assertOpen(tx: Tx, period: string) {
  const p = schema.ledgerPeriods;
  const [row] = await tx.select({ closedAt: p.closedAt }).from(p).where(eq(p.period, period));
  if (row?.closedAt) throw new AppError('ledger_period_closed');
}

/**
 * The one way anything reaches the journal: balanced, into an open month, numbered next, audited. The database
 * holds the same rules (lines balance per statement, entries and lines are insert-only), so nothing else can post
 * half an entry either.
 */
export async function postEntry(tx: Tx, context: AuditContext, posting: Posting): Promise<string> {
  if (!isBalanced(posting.lines)) throw new AppError('ledger_unbalanced');
  await accountsById(
    tx,
    posting.lines.map((line) => line.accountId),
    'lines',
  );
  const period = periodOf(posting.occurredOn);
  await lockLedger(tx, context.tenantId);
  await assertOpen(tx, period);
  const [{ next }] = (await tx.select({ next: sql<number>`coalesce(max(${e.number}), 0) + 1` }).from(e)) as [
    { next: number },
  ];
  const [entry] = await tx
    .insert(e)
    .values({
      tenantId: context.tenantId,
      number: Number(next),
      occurredOn: posting.occurredOn,
      period,
      kind: posting.kind,
      memo: posting.memo,
      reversesId: posting.reversesId ?? null,
      expenseId: posting.expenseId ?? null,
      dividendId: posting.dividendId ?? null,
      postedBy: context.actor.id!,
      postedAt: context.at,
    })
    .returning({ id: e.id, number: e.number });
  await tx.insert(l).values(
    posting.lines.map((line, i) => ({
      tenantId: context.tenantId,
      entryId: entry!.id,
      line: i + 1,
      period,
      accountId: line.accountId,
      amountFen: line.amountFen,
    })),
  );
  await audit(tx, context, {
    action: 'ledger.entry_posted',
    targetType: 'ledger_entry',
    targetId: entry!.id,
    details: { number: entry!.number, kind: posting.kind, occurredOn: posting.occurredOn, lines: posting.lines },
  });
  return entry!.id;
}

/** A general journal entry, the treasurer giving each line's debit or credit. */
export async function recordJournalEntry(tx: Tx, context: AuditContext, input: LedgerEntryInput) {
  const id = await postEntry(tx, context, {
    kind: 'other',
    occurredOn: input.occurredOn,
    memo: input.memo,
    lines: input.lines.map((line) => ({ accountId: line.accountId, amountFen: line.debitFen - line.creditFen })),
  });
  return ledgerEntry(tx, id);
}

/** Income received: the money where it went (debit), the income account it came from (credit). */
export async function recordIncome(tx: Tx, context: AuditContext, input: LedgerIncomeInput) {
  const accounts = await accountsById(tx, [input.incomeAccountId, input.depositAccountId], 'incomeAccountId');
  if (accounts.get(input.incomeAccountId)!.type !== 'income') throw accountOfType('incomeAccountId', 'income');
  if (accounts.get(input.depositAccountId)!.type !== 'asset') throw accountOfType('depositAccountId', 'asset');
  const id = await postEntry(tx, context, {
    kind: 'income',
    occurredOn: input.occurredOn,
    memo: input.memo,
    lines: [
      { accountId: input.depositAccountId, amountFen: input.amountFen },
      { accountId: input.incomeAccountId, amountFen: -input.amountFen },
    ],
  });
  return ledgerEntry(tx, id);
}

const TYPE_NAMES = {
  asset: { 'zh-CN': '资产', en: 'asset' },
  liability: { 'zh-CN': '负债', en: 'liability' },
  equity: { 'zh-CN': '净资产', en: 'net assets' },
  income: { 'zh-CN': '收入', en: 'income' },
  expense: { 'zh-CN': '支出', en: 'expense' },
} as const;

export function accountOfType(path: string, type: keyof typeof TYPE_NAMES) {
  return new AppError('validation_failed', {
    fields: [
      {
        path,
        code: 'account_type',
        message: {
          'zh-CN': `请选择${TYPE_NAMES[type]['zh-CN']}类科目`,
          en: `Choose an ${TYPE_NAMES[type].en} account`,
        },
      },
    ],
  });
}

/** Cancels a posted entry with its exact opposite, dated in an open month; an entry is reversed once. */
export async function reverseEntry(
  tx: Tx,
  context: AuditContext,
  id: string,
  input: { occurredOn: string; memo: string },
) {
  const [original] = await tx.select().from(e).where(eq(e.id, id));
  if (!original) throw new AppError('not_found');
  if (original.kind === 'reversal') throw new AppError('ledger_already_reversed');
  const [already] = await tx.select({ id: e.id }).from(e).where(eq(e.reversesId, id));
  if (already) throw new AppError('ledger_already_reversed');
  const lines = await tx.select().from(l).where(eq(l.entryId, id)).orderBy(asc(l.line));
  const reversal = await postEntry(tx, context, {
    kind: 'reversal',
    occurredOn: input.occurredOn,
    memo: input.memo,
    lines: reversalOf(lines.map((line) => ({ accountId: line.accountId, amountFen: line.amountFen }))),
    reversesId: id,
    expenseId: original.expenseId ?? undefined,
    dividendId: original.dividendId ?? undefined,
  });
  return ledgerEntry(tx, reversal);
}

/** Entries newest first, optionally of one month, `limit` at a time before the entry numbered `before`. */
export async function ledgerEntries(tx: Tx, options: { period?: string; before?: number; limit: number }) {
  const rows = await tx
    .select()
    .from(e)
    .where(
      and(
        options.period ? eq(e.period, options.period) : undefined,
        options.before ? lt(e.number, options.before) : undefined,
      ),
    )
    .orderBy(desc(e.number))
    .limit(options.limit + 1);
  const items = await describeEntries(tx, rows.slice(0, options.limit));
  return { items, nextBefore: rows.length > options.limit ? items.at(-1)!.number : null };
}

export async function ledgerEntry(tx: Tx, id: string): Promise<LedgerEntry> {
  const [row] = await tx.select().from(e).where(eq(e.id, id));
  if (!row) throw new AppError('not_found');
  return (await describeEntries(tx, [row]))[0]!;
}

async function describeEntries(tx: Tx, rows: (typeof e.$inferSelect)[]): Promise<LedgerEntry[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const a = schema.ledgerAccounts;
  const d = schema.ledgerDocuments;
  const lines = await tx
    .select({
      entryId: l.entryId,
      accountId: l.accountId,
      amountFen: l.amountFen,
      code: a.code,
      name: a.name,
      purpose: a.purpose,
    })
    .from(l)
    .innerJoin(a, eq(a.id, l.accountId))
    .where(inArray(l.entryId, ids))
    .orderBy(asc(l.entryId), asc(l.line));
  const reversals = await tx.select({ id: e.id, reversesId: e.reversesId }).from(e).where(inArray(e.reversesId, ids));
  const documents = await tx
    .select({
      id: d.id,
      entryId: d.entryId,
      name: d.name,
      contentType: d.contentType,
      size: d.size,
      uploadedAt: d.uploadedAt,
    })
    .from(d)
    .where(inArray(d.entryId, ids))
    .orderBy(asc(d.uploadedAt));
  const names = await memberNames(
    tx,
    rows.map((row) => row.postedBy),
  );
  const linesOf = Map.groupBy(lines, (line) => line.entryId);
  const docsOf = Map.groupBy(documents, (doc) => doc.entryId!);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    occurredOn: row.occurredOn,
    period: row.period,
    kind: row.kind,
    memo: row.memo,
    reversesId: row.reversesId,
    reversedById: reversals.find((r) => r.reversesId === row.id)?.id ?? null,
    expenseId: row.expenseId,
    dividendId: row.dividendId,
    postedByName: names.get(row.postedBy) ?? '',
    postedAt: row.postedAt.toISOString(),
    lines: (linesOf.get(row.id) ?? []).map((line) => ({
      accountId: line.accountId,
      code: line.code,
      name: line.name,
      purpose: line.purpose,
      debitFen: debitOf(line.amountFen),
      creditFen: creditOf(line.amountFen),
    })),
    documents: (docsOf.get(row.id) ?? []).map(({ entryId: _e, uploadedAt, ...doc }) => ({
      ...doc,
      uploadedAt: uploadedAt.toISOString(),
    })),
  }));
}
