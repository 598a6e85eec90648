import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balance, reversalOf, roomUnderCap, type LedgerEntry } from './points.ts';

const RULES = [
  { id: 'r-volunteer', points: 3, yearlyCap: 30 },
  { id: 'r-meeting', points: 2, yearlyCap: null },
  { id: 'r-commitment', points: 5, yearlyCap: 10 },
] as const;
const MEMBERS = ['m1', 'm2', 'm3'];

type Step = { kind: 'award'; member: number; rule: number; year: number } | { kind: 'reverse'; pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('award' as const),
    member: fc.nat(MEMBERS.length - 1),
    rule: fc.nat(RULES.length - 1),
    year: fc.constantFrom(2025, 2026),
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(1000) }),
);

/** Runs a history through the ledger's rules, as the routes do: awards within the cap, reversals where allowed. */
function run(steps: readonly Step[]) {
  const entries: LedgerEntry[] = [];
  let refusals = 0;
  for (const [i, s] of steps.entries()) {
    if (s.kind === 'award') {
      const rule = RULES[s.rule]!;
      const memberId = MEMBERS[s.member]!;
      if (roomUnderCap(entries, rule, memberId, s.year) < rule.points) {
        refusals++;
        continue;
      }
      entries.push({ id: `e${i}`, memberId, ruleId: rule.id, year: s.year, points: rule.points, reverses: null });
    } else if (entries.length) {
      const target = entries[s.pick % entries.length]!;
      const reversal = reversalOf(entries, target.id);
      if (typeof reversal === 'string') {
        refusals++;
        continue;
      }
      entries.push({ id: `e${i}`, ...reversal });
    }
  }
  return { entries, refusals };
}

describe('the points ledger', () => {
  it('always balances: every total is what was awarded less what was reversed, each reversed at most once', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const { entries } = run(steps);
        const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
        // Each entry reversed at most once, never a reversal, and by exactly its opposite.
        expect(reversed.size).toBe(entries.filter((e) => e.reverses).length);
        for (const e of entries.filter((x) => x.reverses)) {
          const original = entries.find((x) => x.id === e.reverses)!;
          expect(original.reverses).toBeNull();
          expect(e.points).toBe(-original.points);
          expect(e.memberId).toBe(original.memberId);
        }
        for (const memberId of MEMBERS) {
          const mine = entries.filter((e) => e.memberId === memberId);
          const standing = mine.filter((e) => !e.reverses && !reversed.has(e.id));
          expect(balance(mine)).toBe(standing.reduce((sum, e) => sum + e.points, 0));
          expect(balance(mine)).toBeGreaterThanOrEqual(0);
          // No rule ever gives a member more than its cap in a year.
          for (const rule of RULES.filter((r) => r.yearlyCap !== null))
            for (const year of [2025, 2026])
              expect(balance(mine.filter((e) => e.ruleId === rule.id && e.year === year))).toBeLessThanOrEqual(
                rule.yearlyCap!,
              );
        }
        expect(balance(entries)).toBe(
          MEMBERS.reduce((sum, m) => sum + balance(entries.filter((e) => e.memberId === m)), 0),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses to reverse a reversal, an entry twice, or an entry that does not exist', () => {
    const award: LedgerEntry = { id: 'a', memberId: 'm1', ruleId: 'r', year: 2026, points: 3, reverses: null };
    const undo: LedgerEntry = { id: 'b', memberId: 'm1', ruleId: 'r', year: 2026, points: -3, reverses: 'a' };
    expect(reversalOf([award], 'a')).toEqual({ memberId: 'm1', ruleId: 'r', year: 2026, points: -3, reverses: 'a' });
    expect(reversalOf([award, undo], 'a')).toBe('already_reversed');
    expect(reversalOf([award, undo], 'b')).toBe('is_reversal');
    expect(reversalOf([award], 'zzz')).toBe('entry_missing');
    // A reversed award frees its room under the cap again.
    expect(roomUnderCap([award], { id: 'r', yearlyCap: 6 }, 'm1', 2026)).toBe(3);
    expect(roomUnderCap([award, undo], { id: 'r', yearlyCap: 6 }, 'm1', 2026)).toBe(6);
  });
});
