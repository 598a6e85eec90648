import { schema, type Tx } from '@city/db';
import { and, eq, sql } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { currentSigners } from './committee.ts';
import { lockLedger } from './entries.ts';
import { memberNames } from './names.ts';

const p = schema.ledgerPeriods;

/** Every month with entries or a close, newest first, with its income and expenses. */
export async function ledgerPeriods(tx: Tx) {
  const b = schema.ledgerBalances;
  const a = schema.ledgerAccounts;
  const e = schema.ledgerEntries;
  const flows = await tx
    .select({ period: b.period, type: a.type, sum: sql<string>`sum(${b.amountFen})` })
    .from(b)
    .innerJoin(a, eq(a.id, b.accountId))
    .where(sql`${a.type} in ('income', 'expense')`)
    .groupBy(b.period, a.type);
  const counts = await tx
    .select({ period: e.period, entries: sql<number>`count(*)::int` })
    .from(e)
    .groupBy(e.period);
  const closes = await tx.select().from(p);
  const names = await memberNames(
    tx,
    closes.flatMap((row) => [row.closedBy, row.reviewedBy]),
  );
  const periods = [...new Set([...counts.map((c) => c.period), ...closes.map((c) => c.period)])].sort().reverse();
  return periods.map((period) => {
    const close = closes.find((c) => c.period === period);
    const flow = (type: string) => Number(flows.find((f) => f.period === period && f.type === type)?.sum ?? 0);
    return {
      period,
      entries: counts.find((c) => c.period === period)?.entries ?? 0,
      incomeFen: -flow('income'),
      expenseFen: flow('expense'),
      closedAt: close?.closedAt?.toISOString() ?? null,
      closedByName: close?.closedBy ? (names.get(close.closedBy) ?? '') : null,
      reviewedAt: close?.reviewedAt?.toISOString() ?? null,
      reviewedByName: close?.reviewedBy ? (names.get(close.reviewedBy) ?? '') : null,
      reviewNote: close?.reviewNote ?? null,
    };
  });
}

async function periodRow(tx: Tx, period: string) {
  return (await ledgerPeriods(tx)).find((row) => row.period === period) ?? null;
}

/** Closes a month: nothing more is dated in it (corrections go into an open month as reversals). Final. */
export async function closePeriod(tx: Tx, context: AuditContext, period: string) {
  await lockLedger(tx, context.tenantId);
  const [row] = await tx.select().from(p).where(eq(p.period, period));
  if (row?.closedAt) throw new AppError('ledger_period_closed');
  await tx
    .insert(p)
    .values({ tenantId: context.tenantId, period, closedAt: context.at, closedBy: context.actor.id })
    .onConflictDoUpdate({ target: [p.tenantId, p.period], set: { closedAt: context.at, closedBy: context.actor.id } });
  await audit(tx, context, {
    action: 'ledger.period_closed',
    targetType: 'ledger_period',
    targetId: period,
    details: {},
  });
  return (await periodRow(tx, period))!;
}

/** The supervisory committee's sign-off on a closed month's books (财务审核), with its remarks. */
export async function reviewPeriod(tx: Tx, context: AuditContext, period: string, note: string) {
  if (!(await currentSigners(tx, 'supervisory')).has(context.actor.id!)) throw new AppError('not_a_signer');
  const [row] = await tx.select().from(p).where(eq(p.period, period)).for('update');
  if (!row?.closedAt) throw new AppError('conflict', { detail: notClosed });
  if (row.reviewedAt) throw new AppError('conflict', { detail: alreadyReviewed });
  await tx
    .update(p)
    .set({ reviewedAt: context.at, reviewedBy: context.actor.id, reviewNote: note || null })
    .where(and(eq(p.period, period)));
  await audit(tx, context, {
    action: 'ledger.period_reviewed',
    targetType: 'ledger_period',
    targetId: period,
    details: { note },
  });
  return (await periodRow(tx, period))!;
}

const notClosed = {
  'zh-CN': '该月份尚未结账，结账后才能审核',
  en: 'This month is not closed yet; it is reviewed once closed',
};
const alreadyReviewed = { 'zh-CN': '该月份已审核', en: 'This month has already been reviewed' };
