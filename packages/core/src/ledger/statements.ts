import type { LedgerStatement } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { asc, lte, sql } from 'drizzle-orm';
import { fieldError } from '../errors.ts';
import { creditOf, debitOf, naturalBalance } from './journal.ts';

/**
 * The trial balance and the balance sheet at the end of `to`, and the income statement of `from`…`to` (months,
 * `YYYY-MM`). Read from the monthly balances the database keeps as lines are posted: a row per account and month,
 * however many entries there are.
 */
export async function ledgerStatement(tx: Tx, from: string, to: string): Promise<LedgerStatement> {
  if (from > to) throw fieldError('from', 'window_order');
  const b = schema.ledgerBalances;
  const a = schema.ledgerAccounts;
  const sums = await tx
    .select({
      accountId: b.accountId,
      total: sql<string>`sum(${b.amountFen})`,
      inRange: sql<string>`coalesce(sum(${b.amountFen}) filter (where ${b.period} >= ${from}), 0)`,
    })
    .from(b)
    .where(lte(b.period, to))
    .groupBy(b.accountId);
  const byAccount = new Map(sums.map((s) => [s.accountId, { total: Number(s.total), inRange: Number(s.inRange) }]));
  const accounts = await tx.select().from(a).orderBy(asc(a.code));

  const line = (account: (typeof accounts)[number], signed: number) => ({
    accountId: account.id,
    code: account.code,
    name: account.name,
    purpose: account.purpose,
    type: account.type,
    debitFen: debitOf(signed),
    creditFen: creditOf(signed),
    balanceFen: naturalBalance(account.type, signed),
  });
  const cumulative = accounts.map((account) => line(account, byAccount.get(account.id)?.total ?? 0));
  const period = accounts.map((account) => line(account, byAccount.get(account.id)?.inRange ?? 0));
  const sum = (lines: { balanceFen: number }[]) => lines.reduce((total, l) => total + l.balanceFen, 0);
  const ofType = (lines: typeof cumulative, type: string) => lines.filter((l) => l.type === type);

  const income = ofType(period, 'income');
  const expense = ofType(period, 'expense');
  const assets = ofType(cumulative, 'asset');
  const liabilities = ofType(cumulative, 'liability');
  const equity = ofType(cumulative, 'equity');
  const retainedFen = sum(ofType(cumulative, 'income')) - sum(ofType(cumulative, 'expense'));
  const trialLines = cumulative.filter((l) => l.debitFen !== 0 || l.creditFen !== 0);
  return {
    from,
    to,
    trialBalance: {
      lines: trialLines,
      debitFen: trialLines.reduce((total, l) => total + l.debitFen, 0),
      creditFen: trialLines.reduce((total, l) => total + l.creditFen, 0),
    },
    income: {
      income,
      expense,
      incomeFen: sum(income),
      expenseFen: sum(expense),
      netFen: sum(income) - sum(expense),
    },
    balanceSheet: {
      assets,
      liabilities,
      equity,
      retainedFen,
      assetsFen: sum(assets),
      liabilitiesAndEquityFen: sum(liabilities) + sum(equity) + retainedFen,
    },
  };
}
