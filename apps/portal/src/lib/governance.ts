import type { Governance, PreparatorySeat } from '@city/contracts';

/** The owners' bodies in the portal (筹备组, terms, 备案, evaluations): what their pages share that needs no words. */

// The API's choices, for pages' forms (contracts' root entry, which brings zod, stays out of browser code).
export const SEATS = [
  'owner',
  'developer',
  'street',
  'community',
  'party_branch',
  'community_party',
  'street_party',
] as const satisfies readonly PreparatorySeat[];

/** The supervisory committee's default criteria (contracts' EVALUATION_CRITERIA), offered pre-filled. */
export const DEFAULT_CRITERIA = ['依法履职', '财务公开', '议事规范', '回应业主诉求', '维修资金与公共收益管理'] as const;

export const MAX_MEMBERS = 31;
export const MAX_SCORES = 12;
export const SCORES = [5, 4, 3, 2, 1] as const;

/** How a 筹备组's list reads: the lead first, then the 街道 and 社区 and their party bodies, the developer, owners. */
const SEAT_ORDER: readonly PreparatorySeat[] = [
  'street',
  'street_party',
  'community',
  'community_party',
  'party_branch',
  'developer',
  'owner',
];

export function orderMembers<M extends { seat: PreparatorySeat; lead: boolean }>(members: readonly M[]): M[] {
  const rank = (m: M) => (m.lead ? -1 : SEAT_ORDER.indexOf(m.seat));
  // Array.prototype.sort is stable: members of one seat keep the order they were given in.
  return [...members].sort((a, b) => rank(a) - rank(b));
}

/** Calendar days from `from` to `to` (`YYYY-MM-DD`; negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export type Tone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

/** Within this many days a deadline is shown in the warning colour. */
export const SOON_DAYS = 30;

/**
 * A deadline `days` away (negative: passed) as a message and its tone: `left` (N days left), `today`, `overdue`
 * (by N days). The page words it; `days` in the answer is always positive.
 */
export function deadline(days: number): { state: 'left' | 'today' | 'overdue'; days: number; tone: Tone } {
  if (days < 0) return { state: 'overdue', days: -days, tone: 'danger' };
  if (days === 0) return { state: 'today', days: 0, tone: 'warning' };
  return { state: 'left', days, tone: days <= SOON_DAYS ? 'warning' : 'neutral' };
}

type Term = NonNullable<Governance['term']>;

/** Where the term's 备案 stands on `today`: done, overdue, or due by a date. */
export function filingState(term: Pick<Term, 'filedOn' | 'filingDue' | 'filingOverdue'>, today: string) {
  if (term.filedOn) return { state: 'filed' as const, tone: 'success' as Tone };
  const clock = deadline(daysBetween(today, term.filingDue));
  return term.filingOverdue || clock.state === 'overdue'
    ? { state: 'overdue' as const, days: clock.days, tone: 'danger' as Tone }
    : { state: 'due' as const, days: clock.days, tone: clock.tone };
}

/** Within this many days of its end a term is shown in the warning colour (the next election takes months). */
export const TERM_SOON_DAYS = 180;

/** Where the term stands: running, ending soon, or past its end without its end recorded (换届逾期). */
export function termState(daysToEnd: number): { state: 'running' | 'ending' | 'expired'; days: number; tone: Tone } {
  if (daysToEnd < 0) return { state: 'expired', days: -daysToEnd, tone: 'danger' };
  return daysToEnd <= TERM_SOON_DAYS
    ? { state: 'ending', days: daysToEnd, tone: 'warning' }
    : { state: 'running', days: daysToEnd, tone: 'neutral' };
}

/** What is overdue in a neighbourhood's bodies, and how many days to its next deadline (null: none). */
export function urgency(governance: Governance, today: string): { overdue: number; nextDays: number | null } {
  const { preparatory, term } = governance;
  let overdue = 0;
  const upcoming: number[] = [];
  if (preparatory) {
    if (preparatory.overdue || (preparatory.daysLeft ?? 0) < 0) overdue++;
    else if (preparatory.daysLeft !== null) upcoming.push(preparatory.daysLeft);
  }
  if (term) {
    const filing = filingState(term, today);
    if (filing.state === 'overdue') overdue++;
    else if (filing.state === 'due') upcoming.push(filing.days);
    if (term.daysToEnd < 0) overdue++;
    else upcoming.push(term.daysToEnd);
  }
  return { overdue, nextDays: upcoming.length ? Math.min(...upcoming) : null };
}

/**
 * Neighbourhoods for a supervisor: those with something overdue first (most overdue items first), then by the
 * nearest deadline, those with no deadline last; by name within.
 */
export function bySupervisionUrgency<R extends { neighbourhood: { name: string }; governance: Governance }>(
  rows: readonly R[],
  today: string,
): (R & { overdue: number; nextDays: number | null })[] {
  return rows
    .map((row) => ({ ...row, ...urgency(row.governance, today) }))
    .sort(
      (a, b) =>
        b.overdue - a.overdue ||
        (a.nextDays ?? Infinity) - (b.nextDays ?? Infinity) ||
        a.neighbourhood.name.localeCompare(b.neighbourhood.name, 'zh-CN'),
    );
}

/** An evaluation's period (`2026`, `2026-H1`, `2026-Q3`) in parts the page words; null if it is none of these. */
export function periodParts(
  period: string,
): { year: string; part: 'year' | 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4' } | null {
  const match = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/.exec(period);
  if (!match) return null;
  return { year: match[1]!, part: (match[2] as 'H1' | undefined) ?? 'year' };
}

/** The periods offered for an evaluation: this year's and last year's (year, halves, quarters), newest first. */
export function periodChoices(today: string): string[] {
  const year = Number(today.slice(0, 4));
  return [year, year - 1].flatMap((y) => [`${y}`, `${y}-H2`, `${y}-H1`, `${y}-Q4`, `${y}-Q3`, `${y}-Q2`, `${y}-Q1`]);
}

/** The period most likely being evaluated: the half-year last completed. */
export function defaultPeriod(today: string): string {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) <= 6 ? `${year - 1}-H2` : `${year}-H1`;
}

// ── Forms with rows (the 筹备组's members, an evaluation's scores) ─────────────────────────────────────────────────

/** A member row of the 筹备组 form as typed. */
export interface MemberRow {
  name: string;
  seat: string;
}

/**
 * The 筹备组 form's rows → the API's members, skipping rows left without a name; `rowOf[k]` is the form row of
 * member `k` (to put the API's errors back next to the right row). `lead` is the row chosen as lead.
 */
export function membersOf(rows: readonly MemberRow[], lead: number) {
  const members: { name: string; seat: PreparatorySeat; lead: boolean; userId: null }[] = [];
  const rowOf: number[] = [];
  rows.forEach((row, i) => {
    if (!row.name.trim()) return;
    members.push({
      name: row.name.trim(),
      seat: SEATS.find((s) => s === row.seat) ?? 'owner',
      lead: i === lead,
      userId: null,
    });
    rowOf.push(i);
  });
  return { members, rowOf };
}

/** A score row of the evaluation form as typed. */
export interface ScoreRow {
  criterion: string;
  score: string;
  remark: string;
}

/**
 * The evaluation form's rows → the API's scores, skipping rows left blank; a row with a criterion and no score is
 * an error (`score.3`). `rowOf[k]` is the form row of score `k`.
 */
export function scoresOf(rows: readonly ScoreRow[]) {
  const scores: { criterion: string; score: number; remark: string }[] = [];
  const rowOf: number[] = [];
  const missing: string[] = [];
  rows.forEach((row, i) => {
    const criterion = row.criterion.trim();
    const remark = row.remark.trim();
    if (!criterion && !row.score && !remark) return;
    const score = /^[1-5]$/.test(row.score) ? Number(row.score) : null;
    if (score === null) {
      missing.push(`score.${i}`);
      return;
    }
    scores.push({ criterion, score, remark });
    rowOf.push(i);
  });
  return { scores, rowOf, missing };
}

/**
 * An API error's path for a form with rows (`members.2.name`) → the form's field (`name.<row>`); paths naming the
 * list itself (`members`) or a plain field stay as they are.
 */
export function rowField(path: string, list: string, rowOf: readonly number[]): string {
  const match = new RegExp(`^${list}\\.(\\d+)\\.(\\w+)$`).exec(path);
  if (!match) return path;
  return `${match[2]}.${rowOf[Number(match[1])] ?? match[1]}`;
}
