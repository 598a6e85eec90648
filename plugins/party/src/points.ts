/**
 * The points ledger's arithmetic (积分制), kept pure so the rules the database also enforces can be checked over any
 * history: entries are only ever added; a correction is one reversing entry that takes back exactly what it reverses;
 * an entry is reversed at most once and a reversal never is; a rule's yearly cap bounds what a member keeps from it.
 */
export interface LedgerEntry {
  id: string;
  memberId: string;
  ruleId: string | null;
  year: number;
  points: number;
  /** The entry this one reverses; null for an award. */
  reverses: string | null;
}

export type ReversalRefusal = 'entry_missing' | 'already_reversed' | 'is_reversal';

/** A member's points: the sum of every entry, reversals included (they cancel what they reverse). */
export const balance = (entries: readonly LedgerEntry[]) => entries.reduce((sum, e) => sum + e.points, 0);

/** The entry that would reverse `entryId`, or why it may not be reversed. */
export function reversalOf(
  entries: readonly LedgerEntry[],
  entryId: string,
): { memberId: string; ruleId: string | null; year: number; points: number; reverses: string } | ReversalRefusal {
  const entry = entries.find((e) => e.id === entryId);
  if (!entry) return 'entry_missing';
  if (entry.reverses) return 'is_reversal';
  if (entries.some((e) => e.reverses === entryId)) return 'already_reversed';
  return {
    memberId: entry.memberId,
    ruleId: entry.ruleId,
    year: entry.year,
    points: -entry.points,
    reverses: entry.id,
  };
}

/** How many more points a member may receive from a rule in a year under its cap (Infinity without one). */
export function roomUnderCap(
  entries: readonly LedgerEntry[],
  rule: { id: string; yearlyCap: number | null },
  memberId: string,
  year: number,
) {
  if (rule.yearlyCap === null) return Number.POSITIVE_INFINITY;
  const kept = balance(entries.filter((e) => e.memberId === memberId && e.ruleId === rule.id && e.year === year));
  return Math.max(0, rule.yearlyCap - kept);
}

/** Totals per member and, within each, per rule: the yearly assessment (年度考核) of a branch. */
export function assessment(entries: readonly LedgerEntry[]) {
  const byMember = new Map<string, { total: number; byRule: Map<string | null, number> }>();
  for (const e of entries) {
    const member = byMember.get(e.memberId) ?? { total: 0, byRule: new Map() };
    member.total += e.points;
    member.byRule.set(e.ruleId, (member.byRule.get(e.ruleId) ?? 0) + e.points);
    byMember.set(e.memberId, member);
  }
  return byMember;
}
