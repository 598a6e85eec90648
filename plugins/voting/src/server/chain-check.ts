import type { PluginContext } from '@city/plugin-sdk/server';
import { and, eq, gt, inArray, lte, or } from 'drizzle-orm';
import {
  auditBoard,
  caught,
  type Board,
  type BoardEntry,
  type ChainReplay,
  type Difference,
  type Verification,
} from '../board/index.ts';
import { ballots } from '../schema.ts';
import { loadBoard, loadEntries } from './board.ts';
import type { Meeting } from './meeting-rows.ts';

export interface ChainCheck {
  ok: boolean;
  entries: number;
  head: string | null;
  firstBrokenSeq: number | null;
  difference: Difference | null;
}

/**
 * The stored statuses of `entries` (and of the earlier ballots they replace) against the chain's facts: a counted
 * ballot stored as replaced or rejected (or the reverse) is a difference even where the count, which replays the
 * chain, is not moved by it.
 */
async function statusDifference(
  ctx: PluginContext<unknown>,
  meeting: Meeting,
  entries: readonly BoardEntry[],
  replay: ChainReplay,
): Promise<Difference | null> {
  if (!entries.length) return null;
  const expected = new Map<number, string>();
  for (const entry of entries) {
    expected.set(
      entry.seq,
      entry.kind === 'rejected' ? 'rejected' : replay.superseded.has(entry.receipt) ? 'superseded' : 'accepted',
    );
  }
  const after = entries[0]!.seq - 1;
  const replacedBefore = entries.flatMap((e) => {
    const seq = e.supersedes === null ? undefined : replay.seqOf(e.supersedes);
    return seq !== undefined && seq <= after ? [seq] : [];
  });
  for (const seq of replacedBefore) expected.set(seq, 'superseded');
  const inRange = and(gt(ballots.seq, after), lte(ballots.seq, meeting.ballotSeq));
  const rows = await ctx.db
    .select({ seq: ballots.seq, status: ballots.status })
    .from(ballots)
    .where(
      and(
        eq(ballots.meetingId, meeting.id),
        replacedBefore.length ? or(inRange, inArray(ballots.seq, replacedBefore)) : inRange,
      ),
    );
  const stored = new Map(rows.map((r) => [r.seq!, r.status]));
  for (const [seq, status] of [...expected].sort(([a], [b]) => a - b)) {
    if (stored.get(seq) !== status)
      return {
        code: 'entry_status',
        seq,
        detail: `entry ${seq}: the ballot is stored as ${stored.get(seq)}, the chain records it ${status}`,
      };
  }
  return null;
}

/**
 * The meeting's board checked from end to end on the server (the count runs it with the choices opened), with the
 * stored statuses held against the chain; the replayed chain where it verified.
 */
export async function auditMeeting(
  ctx: PluginContext<unknown>,
  meeting: Meeting,
  reveal: boolean,
): Promise<{ board: Board; verification: Verification; replay: ChainReplay | null }> {
  const board = await loadBoard(ctx, meeting, reveal);
  const { verification, replay } = auditBoard(board);
  if (!verification.ok) return { board, verification, replay };
  const status = await statusDifference(ctx, meeting, board.chain.entries, replay!);
  if (!status) return { board, verification, replay };
  return { board, verification: { ok: false, entries: verification.entries, difference: status }, replay: null };
}

/** What the public check knows of one meeting: the answer for a chain head, and the replay to go on from. */
interface Progress {
  key: string;
  answer: ChainCheck;
  /** The chain replayed up to the answer's head; null once a difference was found or after the count. */
  replay: ChainReplay | null;
  status: string;
  /** When the roll, every link and every stored status were last checked from scratch (performance.now()). */
  checkedWhole: number;
}

/**
 * Between whole checks, only the entries added since the last answer are read and replayed; a change to the roll or
 * to an earlier ballot's row shows at the next whole check, at most a minute later (and always at the count, which
 * checks everything).
 */
const WHOLE_EVERY_MS = 60_000;

/** The public check's record of one meeting, kept in the app's memory (a restart or another server starts afresh). */
class Watch {
  progress: Progress | null = null;
  running: Promise<ChainCheck> | null = null;
}

const headKey = (meeting: Meeting) => `${meeting.ballotSeq}:${meeting.chainHead}:${meeting.status}`;

function answerFor(meeting: Meeting, difference: Difference | null): ChainCheck {
  return {
    ok: !difference,
    entries: meeting.ballotSeq,
    head: meeting.chainHead,
    firstBrokenSeq: difference ? (difference.seq ?? meeting.ballotSeq + 1) : null,
    difference,
  };
}

async function checkWhole(ctx: PluginContext<unknown>, meeting: Meeting): Promise<Progress> {
  // After the count the board is complete: the check then recounts the result too.
  const closed = meeting.status === 'closed';
  const { verification: v, replay } = await auditMeeting(ctx, meeting, closed);
  return {
    key: headKey(meeting),
    answer: answerFor(meeting, v.ok ? null : v.difference),
    replay: v.ok && !closed ? replay : null,
    status: meeting.status,
    checkedWhole: performance.now(),
  };
}

async function checkAdded(ctx: PluginContext<unknown>, meeting: Meeting, known: Progress, replay: ChainReplay) {
  const added = await loadEntries(ctx, meeting, { after: replay.seq });
  const difference =
    caught(() => {
      for (const entry of added) replay.add(entry);
      replay.end(meeting.chainHead ?? '');
    }) ?? (await statusDifference(ctx, meeting, added, replay));
  return {
    ...known,
    key: headKey(meeting),
    answer: answerFor(meeting, difference),
    replay: difference ? null : replay,
  } satisfies Progress;
}

const wholeIsRecent = (known: Progress) => performance.now() - known.checkedWhole < WHOLE_EVERY_MS;

function advance(ctx: PluginContext<unknown>, meeting: Meeting, known: Progress | null): Promise<Progress> {
  const replay = known?.replay;
  const goesOn = replay && known.status === meeting.status && replay.seq <= meeting.ballotSeq && wholeIsRecent(known);
  return goesOn ? checkAdded(ctx, meeting, known, replay) : checkWhole(ctx, meeting);
}

/**
 * The public chain check: read-only (no lock, no write) and answered from what is known per meeting and chain head.
 * At most one check per meeting runs at a time; callers arriving meanwhile share it (its answer names the head and
 * the number of entries it checked). The public API is paced per address besides (apps/api, lib/pacing.ts).
 */
export async function checkChain(ctx: PluginContext<unknown>, meeting: Meeting): Promise<ChainCheck> {
  const watch = await ctx.remember(`chain-check:${meeting.id}`, () => Promise.resolve(new Watch()));
  const known = watch.progress;
  if (known?.key === headKey(meeting) && wholeIsRecent(known)) return known.answer;
  if (watch.running) return watch.running;
  const check = advance(ctx, meeting, known).then(
    (next) => {
      watch.progress = next;
      return next.answer;
    },
    (error: unknown) => {
      // The replay may have gone on past what was checked: start again from scratch next time.
      watch.progress = null;
      throw error;
    },
  );
  watch.running = check;
  try {
    return await check;
  } finally {
    if (watch.running === check) watch.running = null;
  }
}
