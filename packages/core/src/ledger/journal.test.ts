import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditOf, debitOf, isBalanced, naturalBalance, reversalOf, type JournalLine } from './journal.ts';

const fen = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).filter((n) => n !== 0);
const account = fc.constantFrom('bank', 'cash', 'parking', 'repairs', 'dividends');

/** Any balanced entry: free lines, closed by one line that takes the rest. */
const balancedEntry = fc
  .array(fc.record({ accountId: account, amountFen: fen }), { minLength: 1, maxLength: 8 })
  .filter((lines) => lines.reduce((s, l) => s + l.amountFen, 0) !== 0)
  .map((lines): JournalLine[] => [
    ...lines,
    { accountId: 'bank', amountFen: -lines.reduce((s, l) => s + l.amountFen, 0) },
  ]);

describe('the journal', () => {
  it('posts only entries of two lines or more, in whole non-zero fen, summing to zero', () => {
    expect(
      isBalanced([
        { accountId: 'bank', amountFen: 500 },
        { accountId: 'parking', amountFen: -500 },
      ]),
    ).toBe(true);
    expect(
      isBalanced([
        { accountId: 'bank', amountFen: 500 },
        { accountId: 'parking', amountFen: -499 },
      ]),
    ).toBe(false);
    expect(
      isBalanced([
        { accountId: 'bank', amountFen: 0 },
        { accountId: 'parking', amountFen: 0 },
      ]),
    ).toBe(false);
    expect(
      isBalanced([
        { accountId: 'bank', amountFen: 0.5 },
        { accountId: 'parking', amountFen: -0.5 },
      ]),
    ).toBe(false);
    expect(isBalanced([{ accountId: 'bank', amountFen: 1 }])).toBe(false);
    expect(isBalanced([])).toBe(false);
  });

  it('keeps every account summing to zero over any sequence of balanced entries (property)', () => {
    fc.assert(
      fc.property(fc.array(balancedEntry, { maxLength: 30 }), (entries) => {
        for (const entry of entries) expect(isBalanced(entry)).toBe(true);
        const total = entries.flat().reduce((s, l) => s + BigInt(l.amountFen), 0n);
        expect(total).toBe(0n);
        const debits = entries.flat().reduce((s, l) => s + debitOf(l.amountFen), 0);
        const credits = entries.flat().reduce((s, l) => s + creditOf(l.amountFen), 0);
        expect(debits).toBe(credits);
      }),
    );
  });

  it('cancels an entry exactly with its reversal, account by account (property)', () => {
    fc.assert(
      fc.property(balancedEntry, (entry) => {
        const reversal = reversalOf(entry);
        expect(isBalanced(reversal)).toBe(true);
        const byAccount = new Map<string, number>();
        for (const line of [...entry, ...reversal])
          byAccount.set(line.accountId, (byAccount.get(line.accountId) ?? 0) + line.amountFen);
        for (const sum of byAccount.values()) expect(sum).toBe(0);
        expect(reversalOf(reversal)).toEqual(entry);
      }),
    );
  });

  it('reads a balance on the account’s own side', () => {
    expect(naturalBalance('asset', 300)).toBe(300);
    expect(naturalBalance('expense', 300)).toBe(300);
    expect(naturalBalance('income', -300)).toBe(300);
    expect(naturalBalance('liability', -300)).toBe(300);
    expect(naturalBalance('equity', 300)).toBe(-300);
  });
});
