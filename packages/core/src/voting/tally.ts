import { assertAmount, assertFigures, assertParticipantsWithinTotal } from './amounts.ts';
import type { Threshold } from './matters.ts';

export type Choice = 'agree' | 'oppose' | 'abstain' | 'invalid';

/** Area (0.01 m²) and headcount (counting owners) of a group of owners. */
export interface Figures {
  area: number;
  count: number;
}

// Civil Code art. 278 with art. 1259 ("以上" includes the number, "过半数" is strictly more than half), compared
// cross-multiplied so no fraction is ever formed.

/** 参与表决: at least ⅔ of the total area and at least ⅔ of the total headcount cast a ballot. */
export function quorumMet(participants: Figures, total: Figures): boolean {
  assertFigures(participants, 'participants');
  assertFigures(total, 'total');
  if (total.area === 0 || total.count === 0) return false;
  return 3 * participants.area >= 2 * total.area && 3 * participants.count >= 2 * total.count;
}

/** 同意: special — at least ¾ of the participants' area and headcount; ordinary — more than half of both. */
export function approved(threshold: Threshold, agree: Figures, participants: Figures): boolean {
  assertFigures(agree, 'agree');
  assertFigures(participants, 'participants');
  if (agree.area > participants.area || agree.count > participants.count) {
    throw new RangeError('more agreeing than participating');
  }
  if (participants.area === 0 || participants.count === 0) return false;
  return threshold === 'special'
    ? 4 * agree.area >= 3 * participants.area && 4 * agree.count >= 3 * participants.count
    : 2 * agree.area > participants.area && 2 * agree.count > participants.count;
}

export interface MotionTally {
  threshold: Threshold;
  total: Figures;
  participants: Figures;
  agree: Figures;
  oppose: Figures;
  abstain: Figures;
  invalid: Figures;
  quorumMet: boolean;
  passed: boolean;
  /** Quorum unmet → 'not_decided' (未达到参与表决条件), never 'rejected'. */
  outcome: 'passed' | 'rejected' | 'not_decided';
}

const CHOICES: ReadonlySet<string> = new Set<Choice>(['agree', 'oppose', 'abstain', 'invalid']);

/**
 * Tallies one motion. Each ballot is one counting owner (headcount 1) carrying its whole area; oppose, abstain and
 * invalid ballots count toward participation only.
 */
export function tallyMotion(input: {
  threshold: Threshold;
  total: Figures;
  ballots: Iterable<{ area: number; choice: Choice }>;
}): MotionTally {
  assertFigures(input.total, 'total');
  const by: Record<Choice, Figures> = {
    agree: { area: 0, count: 0 },
    oppose: { area: 0, count: 0 },
    abstain: { area: 0, count: 0 },
    invalid: { area: 0, count: 0 },
  };
  const participants = { area: 0, count: 0 };
  for (const ballot of input.ballots) {
    assertAmount(ballot.area, 'ballot area');
    if (!CHOICES.has(ballot.choice)) throw new RangeError(`unknown choice ${JSON.stringify(ballot.choice)}`);
    const figures = by[ballot.choice];
    figures.area += ballot.area;
    figures.count += 1;
    participants.area += ballot.area;
    participants.count += 1;
  }
  assertParticipantsWithinTotal(participants, input.total);
  const met = quorumMet(participants, input.total);
  const passed = met && approved(input.threshold, by.agree, participants);
  return {
    threshold: input.threshold,
    total: { ...input.total },
    participants,
    ...by,
    quorumMet: met,
    passed,
    outcome: !met ? 'not_decided' : passed ? 'passed' : 'rejected',
  };
}
