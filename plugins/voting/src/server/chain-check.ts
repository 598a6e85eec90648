import type { PluginContext } from '@city/plugin-sdk/server';
import { and, eq, isNotNull, lte } from 'drizzle-orm';
import { verifyBoard, type Board, type Difference, type Verification } from '../board/index.ts';
import { ballots } from '../schema.ts';
import { loadBoard } from './board.ts';
import type { Meeting } from './meeting-rows.ts';

export interface ChainCheck {
  ok: boolean;
  entries: number;
  head: string | null;
  firstBrokenSeq: number | null;
  difference: Difference | null;
}

/**
 * The stored statuses against the chain's facts: a counted ballot stored as replaced or rejected (or the reverse) is
 * a difference even where the count, which replays the chain, is not moved by it.
 */
async function statusDifference(ctx: PluginContext<unknown>, meeting: Meeting, board: Board) {
  const replaced = new Set(board.chain.entries.flatMap((e) => (e.supersedes ? [e.supersedes] : [])));
  const rows = await ctx.db
    .select({ seq: ballots.seq, status: ballots.status })
    .from(ballots)
    .where(and(eq(ballots.meetingId, meeting.id), isNotNull(ballots.seq), lte(ballots.seq, meeting.ballotSeq)));
  const stored = new Map(rows.map((r) => [r.seq!, r.status]));
  for (const entry of board.chain.entries) {
    const expected = entry.kind === 'rejected' ? 'rejected' : replaced.has(entry.receipt) ? 'superseded' : 'accepted';
    const status = stored.get(entry.seq);
    if (status !== expected)
      return {
        code: 'entry_status',
        seq: entry.seq,
        detail: `entry ${entry.seq}: the ballot is stored as ${status}, the chain records it ${expected}`,
      } satisfies Difference;
  }
  return null;
}

/**
 * The meeting's board checked from end to end on the server (the count runs it with the choices opened), with the
 * stored statuses held against the chain.
 */
export async function auditMeeting(
  ctx: PluginContext<unknown>,
  meeting: Meeting,
  reveal: boolean,
): Promise<{ board: Board; verification: Verification }> {
  const board = await loadBoard(ctx, meeting, reveal);
  const verification = verifyBoard(board);
  if (!verification.ok) return { board, verification };
  const status = await statusDifference(ctx, meeting, board);
  return {
    board,
    verification: status ? { ok: false, entries: verification.entries, difference: status } : verification,
  };
}

/** Checks answered per meeting and chain head; bounded, oldest first out. */
const answered = new Map<string, { head: string; check: Promise<ChainCheck> }>();
const REMEMBERED = 200;

/**
 * The public chain check: read-only (no lock, no write), recomputed once per chain head — callers asking while the
 * head stands, or while its check runs, share that check.
 */
export function checkChain(ctx: PluginContext<unknown>, meeting: Meeting): Promise<ChainCheck> {
  const head = `${meeting.ballotSeq}:${meeting.chainHead}:${meeting.status}`;
  const known = answered.get(meeting.id);
  if (known?.head === head) return known.check;
  // After the count the board is complete: the check then recounts the result too.
  const check = auditMeeting(ctx, meeting, meeting.status === 'closed').then(({ verification: v }) => ({
    ok: v.ok,
    entries: v.entries,
    head: meeting.chainHead,
    firstBrokenSeq: v.ok ? null : (v.difference.seq ?? v.entries + 1),
    difference: v.ok ? null : v.difference,
  }));
  answered.delete(meeting.id);
  answered.set(meeting.id, { head, check });
  if (answered.size > REMEMBERED) answered.delete(answered.keys().next().value!);
  check.catch(() => {
    if (answered.get(meeting.id)?.check === check) answered.delete(meeting.id);
  });
  return check;
}
