import { assertAmount, assertFigures, assertParticipantsWithinTotal, isAmount } from './amounts.ts';
import { approved, quorumMet, type Figures } from './tally.ts';

export interface ElectionCandidate {
  id: string;
  agree: Figures;
  /** Passed the ordinary rule on the election's participants, with the quorum met. */
  approved: boolean;
  elected: boolean;
  tied: boolean;
}

export interface ElectionTally {
  seats: number;
  total: Figures;
  participants: Figures;
  quorumMet: boolean;
  /** Ranked: agreeing headcount desc, then agreeing area desc, then input order. */
  candidates: ElectionCandidate[];
  elected: string[];
  /** The tie deciding the last seat(s): who is tied and how many seats they contend for (a run-off decides). */
  tie: { candidateIds: string[]; seats: number } | null;
  /** Seats neither filled nor contended in the tie. */
  emptySeats: number;
}

/**
 * Tallies an election (art. 278 item 3, docs/domain.md §1.4). Every ballot, invalid ones included, is a participant;
 * each valid ballot agrees once with every known candidate it names. Approved candidates fill the seats in rank
 * order; a group with equal figures that does not fit in the seats left is reported as a tie, never broken here.
 */
export function tallyElection(input: {
  seats: number;
  candidateIds: string[];
  total: Figures;
  ballots: Iterable<{ area: number; invalid?: boolean; choices: readonly string[] }>;
}): ElectionTally {
  if (!Number.isSafeInteger(input.seats) || input.seats < 1)
    throw new RangeError(`seats must be a positive integer, got ${input.seats}`);
  assertFigures(input.total, 'total');
  const index = new Map<string, number>();
  for (const id of input.candidateIds) {
    if (index.has(id)) throw new RangeError(`candidate ${id} is listed twice`);
    index.set(id, index.size);
  }
  const agree: Figures[] = input.candidateIds.map(() => ({ area: 0, count: 0 }));
  // The number of the last ballot that named each candidate: a second mention on the same ballot is skipped.
  const lastBallot = new Int32Array(agree.length).fill(-1);

  const participants = { area: 0, count: 0 };
  for (const ballot of input.ballots) {
    if (!isAmount(ballot.area)) assertAmount(ballot.area, 'ballot area');
    const number = participants.count;
    participants.area += ballot.area;
    participants.count += 1;
    if (ballot.invalid) continue;
    for (const id of ballot.choices) {
      const i = index.get(id);
      if (i === undefined || lastBallot[i] === number) continue;
      lastBallot[i] = number;
      const figures = agree[i]!;
      figures.area += ballot.area;
      figures.count += 1;
    }
  }
  assertParticipantsWithinTotal(participants, input.total);
  const met = quorumMet(participants, input.total);

  const candidates: ElectionCandidate[] = input.candidateIds.map((id, i) => {
    const figures = agree[i]!;
    return {
      id,
      agree: figures,
      approved: met && approved('ordinary', figures, participants),
      elected: false,
      tied: false,
    };
  });
  // Array.prototype.sort is stable, so equal figures keep input order.
  candidates.sort((a, b) => b.agree.count - a.agree.count || b.agree.area - a.agree.area);

  const elected: string[] = [];
  let tie: ElectionTally['tie'] = null;
  let left = input.seats;
  const ranked = candidates.filter((c) => c.approved);
  for (let i = 0; i < ranked.length && left > 0;) {
    const first = ranked[i]!;
    let end = i + 1;
    while (
      end < ranked.length &&
      ranked[end]!.agree.count === first.agree.count &&
      ranked[end]!.agree.area === first.agree.area
    )
      end++;
    const group = ranked.slice(i, end);
    if (group.length <= left) {
      for (const c of group) {
        c.elected = true;
        elected.push(c.id);
      }
      left -= group.length;
    } else {
      for (const c of group) c.tied = true;
      tie = { candidateIds: group.map((c) => c.id), seats: left };
      left = 0;
    }
    i = end;
  }

  return {
    seats: input.seats,
    total: { ...input.total },
    participants,
    quorumMet: met,
    candidates,
    elected,
    tie,
    emptySeats: left,
  };
}
