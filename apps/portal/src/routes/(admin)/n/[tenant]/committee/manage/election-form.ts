import type { CommitteeElection, ElectionApplyInput, Member } from '@city/contracts';
import { rowField } from '#lib/governance.ts';
import { DATE, POSITIONS } from '#lib/ledger.ts';

/**
 * Taking an election's result on the committee's manage page: the form's fields (one row per elected name, posted
 * as `userId.<row>`), the API's body built from them, and the choices offered. No words here: the page has them.
 */

/** The most elected at once (the API's limit, a committee's largest size). */
export const MAX_ELECTED = 11;

/**
 * The end suggested for a term starting on `startsOn`: the day before its fifth anniversary, the longest term the
 * rules allow (a 29 February start rolls to 1 March as the API's limit does, so the day before still passes); ''
 * when `startsOn` is not a date yet.
 */
export function termEndFor(startsOn: string): string {
  if (!DATE.test(startsOn)) return '';
  const day = new Date(`${startsOn}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return '';
  day.setUTCFullYear(day.getUTCFullYear() + 5);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

/** The start suggested: today, unless the count closed later (the API refuses a start before the election). */
export const startFor = (electedOn: string, today: string) => (today < electedOn ? electedOn : today);

/** The apply form as posted: the API's body and the same flattened (`userId.2`) to type back after a refusal. */
export function typedElection(form: FormData) {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const count = Math.min(/^\d+$/.test(text('rows')) ? Number(text('rows')) : 0, MAX_ELECTED);
  const values: Record<string, string> = {
    electionId: text('electionId'),
    startsOn: text('startsOn'),
    endsOn: text('endsOn'),
    rows: String(count),
  };
  const members: ElectionApplyInput['members'] = [];
  for (let i = 0; i < count; i++) {
    const [candidateId, userId, position] = ['candidateId', 'userId', 'position'].map((f) => text(`${f}.${i}`));
    values[`candidateId.${i}`] = candidateId!;
    values[`userId.${i}`] = userId!;
    values[`position.${i}`] = position!;
    members.push({
      candidateId: candidateId!,
      // 留空缺: the seat stays vacant (declined, or not on the platform yet).
      userId: userId || null,
      position: POSITIONS.find((p) => p === position) ?? 'member',
    });
  }
  return {
    electionId: values.electionId!,
    // A by-election's form has no end (it joins the sitting term); the API ignores it there anyway.
    json: { startsOn: values.startsOn!, endsOn: values.endsOn || null, members },
    values,
  };
}

/** An API error's path → the apply form's field: `members.2.userId` → `userId.2` (rows follow the elected order). */
export const electionField = (path: string) => rowField(path, 'members', []);

/** The fields the apply form shows errors beside; any other error is said at the top of the form. */
export function electionFields(election: Pick<CommitteeElection, 'byElection' | 'elected'>): string[] {
  const rows = election.elected.flatMap((_, i) => [`userId.${i}`, `position.${i}`]);
  return ['startsOn', ...(election.byElection ? [] : ['endsOn']), 'members', ...rows];
}

type Choice = Pick<Member, 'userId' | 'displayName' | 'phone'>;

/**
 * The members offered for an elected name: those whose name contains it first (the API's search), then the others
 * loaded; `picked` is the one member of exactly that name, if there is exactly one — a suggestion the admin checks.
 */
export function memberChoices(name: string, namesakes: readonly Choice[], members: readonly Choice[]) {
  const near = new Set(namesakes.map((m) => m.userId));
  const exact = namesakes.filter((m) => m.displayName.trim() === name.trim());
  return {
    namesakes,
    others: members.filter((m) => !near.has(m.userId)),
    picked: exact.length === 1 ? exact[0]!.userId : '',
  };
}
