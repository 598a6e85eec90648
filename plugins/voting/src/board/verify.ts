import { chainStart, rollCommitment } from './commitment.ts';
import { differ, Found, type Difference } from './difference.ts';
import { choicesDigest } from './digests.ts';
import { motionsFor, recount, scopedTotal, type CountedBallot } from './recount.ts';
import { ChainReplay } from './replay.ts';
import type { Answer, Board, BoardEntry, BoardMotion, BoardOwner, MotionResult } from './types.ts';

export type Verification =
  | {
      ok: true;
      entries: number;
      /** Counting owners whose ballot counts, and their share of the roll. */
      counted: number;
      /** The recount, when the board shows the choices (after the count); null while voting runs. */
      totals: Record<string, MotionResult> | null;
    }
  | { ok: false; entries: number; difference: Difference };

function checkRoll(board: Board) {
  const units = new Set<string>();
  const ids = new Set<string>();
  for (const owner of board.roll.owners) {
    if (ids.has(owner.id)) differ({ code: 'roll_owner', detail: `counting owner ${owner.id} is listed twice` });
    ids.add(owner.id);
    if (owner.headcount !== 1)
      differ({ code: 'roll_owner', detail: `counting owner ${owner.id} has headcount ${owner.headcount}, not 1` });
    const sum = owner.units.reduce((s, u) => s + u.area, 0);
    if (!owner.units.length || sum !== owner.area)
      differ({
        code: 'roll_owner',
        detail: `counting owner ${owner.id}: area ${owner.area} but its units add up to ${sum}`,
      });
    for (const unit of owner.units) {
      if (units.has(unit.ref))
        differ({ code: 'roll_owner', detail: `unit ${unit.ref} belongs to two counting owners` });
      units.add(unit.ref);
    }
  }
  const commitment = rollCommitment(board.meeting.id, board.roll.owners);
  if (commitment !== board.roll.commitment)
    differ({
      code: 'roll_commitment',
      detail: `the roll gives commitment ${commitment}, the board publishes ${board.roll.commitment}`,
    });
  const total = scopedTotal(board.roll.owners, null);
  if (total.area !== board.roll.total.area || total.count !== board.roll.total.count)
    differ({
      code: 'roll_total',
      detail: `the roll adds up to ${total.area} (0.01 m²) and ${total.count} owners; the board publishes ${board.roll.total.area} and ${board.roll.total.count}`,
    });
  if (board.terms.meetingId !== board.meeting.id) differ({ code: 'terms', detail: 'the terms name another meeting' });
  const start = chainStart(commitment, board.terms);
  if (start !== board.chain.start)
    differ({
      code: 'terms',
      detail: `the roll and the meeting's terms give chain start ${start}, the board publishes ${board.chain.start}`,
    });
  return new Map(board.roll.owners.map((o) => [o.id, o]));
}

/** An answer set that fits the ballot this owner was given: exactly its motions, each answered in kind. */
function checkAnswers(entry: BoardEntry, answers: readonly Answer[], motions: readonly BoardMotion[]) {
  const bad = (why: string) => differ({ code: 'entry_answers', seq: entry.seq, detail: `entry ${entry.seq}: ${why}` });
  const wanted = new Map(motions.map((m) => [m.id, m]));
  const seen = new Set<string>();
  for (const answer of answers) {
    const motion = wanted.get(answer.motionId);
    if (!motion) bad(`answers motion ${answer.motionId}, which is not on its owner's ballot`);
    if (seen.has(answer.motionId)) bad(`answers motion ${answer.motionId} twice`);
    seen.add(answer.motionId);
    if ('choice' in answer) {
      if (answer.choice === 'invalid' ? entry.channel === 'online' : motion!.kind !== 'motion')
        bad(`answer "${answer.choice}" does not fit motion ${motion!.id}`);
    } else {
      const known = new Set(motion!.candidates);
      if (motion!.kind !== 'election' || answer.candidateIds.some((id) => !known.has(id)))
        bad(`names candidates that do not stand in motion ${motion!.id}`);
      if (
        new Set(answer.candidateIds).size !== answer.candidateIds.length ||
        answer.candidateIds.length > (motion!.seats ?? 0)
      )
        bad(`names more candidates than motion ${motion!.id} has seats, or one twice`);
    }
  }
  if (seen.size !== wanted.size) bad('leaves a motion on its owner’s ballot unanswered');
}

/** Opens each counted ballot (after the count); null while any is still sealed. */
function opened(board: Board, owners: Map<string, BoardOwner>, counting: ReadonlyMap<string, number>) {
  const counted: CountedBallot[] = [];
  for (const seq of counting.values()) {
    const entry = board.chain.entries[seq - 1]!;
    if (entry.kind === 'invalid') {
      counted.push({ owner: entry.owner, answers: null });
      continue;
    }
    if (!entry.reveal) return null;
    if (choicesDigest(entry.reveal.nonce, entry.reveal.answers) !== entry.choices)
      differ({
        code: 'entry_reveal',
        seq: entry.seq,
        detail: `entry ${entry.seq}: the published choices are not the ones its hash committed to`,
      });
    checkAnswers(entry, entry.reveal.answers, motionsFor(owners.get(entry.owner)!, board.terms.motions));
    counted.push({ owner: entry.owner, answers: entry.reveal.answers });
  }
  return counted;
}

/** The first path at which two plain values differ, e.g. `agree.area: 120000 ≠ 110000`. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return Object.is(a, b) ? null : `${path || 'value'}: recount ${JSON.stringify(a)} ≠ published ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      path ? `${path}.${key}` : key,
    );
    if (found) return found;
  }
  return null;
}

/**
 * Checks a bulletin board from end to end: the roll against its commitment, the terms against the chain's start,
 * every link of the chain, every fact's place (an owner of the roll, before the deadline, one counting ballot per
 * owner, replacements naming what they replace), every opened ballot against its digest and its owner's ballot
 * paper, and — once the choices are published — every motion's result recounted and compared with the published one.
 */
export function verifyBoard(board: Board): Verification {
  return auditBoard(board).verification;
}

/**
 * `verifyBoard`, with the replayed chain where it verified: the server's public check goes on from there as entries
 * are added.
 */
export function auditBoard(board: Board): { verification: Verification; replay: ChainReplay | null } {
  const entries = Array.isArray(board?.chain?.entries) ? board.chain.entries.length : 0;
  try {
    if (board?.format !== 'city-life/meeting-board@1')
      differ({ code: 'format', detail: 'not a meeting bulletin board (format city-life/meeting-board@1)' });
    const owners = checkRoll(board);
    const replay = new ChainReplay(owners, board.terms.closesAt, board.chain.start);
    for (const entry of board.chain.entries) replay.add(entry);
    replay.end(board.chain.head);
    const counted = opened(board, owners, replay.counting);
    const closed = board.meeting.status === 'closed';
    if (closed && !counted)
      differ({ code: 'entry_reveal', detail: 'the meeting is counted but the board does not publish every choice' });
    if (closed && !board.totals) differ({ code: 'result', detail: 'the meeting is counted but publishes no result' });
    const verified = { ok: true as const, entries, counted: replay.counting.size };
    if (!counted) return { verification: { ...verified, totals: null }, replay };
    const totals = recount(board.roll.owners, board.terms.motions, counted);
    if (board.totals) {
      for (const motion of board.terms.motions) {
        const found = firstDifference(totals[motion.id], board.totals[motion.id]);
        if (found) differ({ code: 'result', motionId: motion.id, detail: `motion “${motion.title}”: ${found}` });
      }
    }
    return { verification: { ...verified, totals }, replay };
  } catch (error) {
    const failed = (difference: Difference) => ({
      verification: { ok: false as const, entries, difference },
      replay: null,
    });
    if (error instanceof Found) return failed(error.difference);
    if (error instanceof TypeError || error instanceof RangeError)
      return failed({ code: 'format', detail: `the board is malformed: ${error.message}` });
    throw error;
  }
}
