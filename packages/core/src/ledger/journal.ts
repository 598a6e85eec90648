/**
 * One line of a journal entry. Amounts are signed integer fen: a debit is positive, a credit negative, so an entry
 * balances when its lines sum to zero and its reversal is the same lines negated.
 */
export interface JournalLine {
  accountId: string;
  amountFen: number;
}

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

/** Whether an entry may be posted: at least two lines, every amount a whole, non-zero number of fen, summing to 0. */
export function isBalanced(lines: readonly JournalLine[]): boolean {
  if (lines.length < 2) return false;
  let sum = 0n;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.amountFen) || line.amountFen === 0) return false;
    sum += BigInt(line.amountFen);
  }
  return sum === 0n;
}

/** The entry that cancels another exactly: the same accounts, every amount negated. */
export const reversalOf = (lines: readonly JournalLine[]): JournalLine[] =>
  lines.map((line) => ({ accountId: line.accountId, amountFen: -line.amountFen }));

/** Debits and credits as the two columns people read (借方 / 贷方). */
export const debitOf = (amountFen: number) => (amountFen > 0 ? amountFen : 0);
export const creditOf = (amountFen: number) => (amountFen < 0 ? -amountFen : 0);

/**
 * A balance as the account's own side reads it: assets and expenses grow by debits, everything else by credits. A
 * negative result is a balance on the unusual side (an overdrawn account).
 */
export const naturalBalance = (type: AccountType, debitMinusCreditFen: number) =>
  type === 'asset' || type === 'expense' ? debitMinusCreditFen : -debitMinusCreditFen;
