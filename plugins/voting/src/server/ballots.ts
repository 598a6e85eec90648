import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, type PluginContext } from '@city/plugin-sdk/server';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ChoiceInput } from '../contracts.ts';
import { ballots, meetings, rollOwners, type Channel } from '../schema.ts';
import { canonicalChoices, entryPayload, nextHash, receiptCode, type EntryFacts } from './chain.ts';
import { fail } from './errors.ts';
import type { Meeting, Motion } from './meetings.ts';

export type Ballot = typeof ballots.$inferSelect;

/**
 * Checks a ballot paper against the agenda: every motion answered once; a motion takes agree/oppose/abstain (or 废票
 * on paper), an election the chosen candidates (at most its seats) or 废票 on paper. Returns the choices in agenda order.
 */
export function checkChoices(agenda: Motion[], choices: readonly ChoiceInput[], paper: boolean): ChoiceInput[] {
  const byMotion = new Map(choices.map((c) => [c.motionId, c]));
  if (byMotion.size !== choices.length) throw fail('choice_invalid');
  if (byMotion.size !== agenda.length || agenda.some((m) => !byMotion.has(m.id))) throw fail('choices_incomplete');
  for (const motion of agenda) {
    const answer = byMotion.get(motion.id)!;
    if ('choice' in answer) {
      const allowed = answer.choice === 'invalid' ? paper : motion.kind === 'motion';
      if (!allowed) throw fail('choice_invalid');
    } else {
      if (motion.kind !== 'election') throw fail('choice_invalid');
      const known = new Set(motion.candidates.map((c) => c.id));
      const chosen = new Set(answer.candidateIds);
      if (chosen.size !== answer.candidateIds.length || answer.candidateIds.some((id) => !known.has(id))) throw fail('choice_invalid');
      if (chosen.size > (motion.seats ?? 0)) throw fail('too_many_candidates');
    }
  }
  return canonicalChoices(choices, agenda.map((m) => m.id));
}

/** What a stored ballot's chain entry commits to. */
export const factsOf = (b: Ballot): EntryFacts => ({
  meetingId: b.meetingId,
  rollOwnerId: b.rollOwnerId,
  receipt: b.receipt,
  channel: b.channel,
  choices: b.choices as unknown as ChoiceInput[],
  acceptedAt: b.acceptedAt!,
  supersedes: b.supersedes,
  paperRef: b.paperRef,
  proxyName: b.proxyName,
  proxyAuthorisation: b.proxyAuthorisation,
});

/** Rows per sealing update: four parameters each, well under Postgres's 65,535. */
const SEAL_CHUNK = 5000;

/**
 * Appends the meeting's accepted ballots that are not in its chain yet, in the order they were accepted: entry n is
 * SHA-256(entry n−1 ‖ payload n). Ballots are written without taking the chain's lock, so owners vote side by side;
 * the chain is sealed in batches by whoever holds the meeting row's NO KEY UPDATE lock — `ifFree` after a ballot
 * (another request sealing right now will be followed by the next one), `wait` before the count and before a check.
 * FOR KEY SHARE (ballots) does not conflict with it; the count's FOR UPDATE does.
 */
export async function sealChain(ctx: PluginContext<unknown>, meetingId: string, mode: 'wait' | 'ifFree') {
  const query = ctx.db.select({ head: meetings.chainHead, seq: meetings.ballotSeq }).from(meetings).where(eq(meetings.id, meetingId));
  const [meeting] = mode === 'wait' ? await query.for('no key update') : await query.for('no key update', { skipLocked: true });
  if (!meeting?.head) return;
  const unsealed = await ctx.db
    .select()
    .from(ballots)
    .where(and(eq(ballots.meetingId, meetingId), isNull(ballots.seq), inArray(ballots.status, ['accepted', 'superseded'])))
    .orderBy(asc(ballots.acceptedAt), asc(ballots.id));
  if (!unsealed.length) return;
  let head = meeting.head;
  let seq = meeting.seq;
  const entries: Array<{ id: string; seq: number; prev: string; hash: string }> = [];
  for (const ballot of unsealed) {
    const hash = await nextHash(head, entryPayload(factsOf(ballot)));
    entries.push({ id: ballot.id, seq: ++seq, prev: head, hash });
    head = hash;
  }
  for (let i = 0; i < entries.length; i += SEAL_CHUNK) {
    const rows = entries.slice(i, i + SEAL_CHUNK).map((e) => sql`(${e.id}::uuid, ${e.seq}::integer, ${e.prev}, ${e.hash})`);
    await ctx.db.execute(sql`update ${ballots} set seq = v.seq, prev_hash = v.prev, entry_hash = v.hash
      from (values ${sql.join(rows, sql`, `)}) as v(id, seq, prev, hash) where ${ballots.id} = v.id`);
  }
  await ctx.db.update(meetings).set({ ballotSeq: seq, chainHead: head }).where(eq(meetings.id, meetingId));
}

/**
 * The meeting, held open for this transaction: FOR KEY SHARE lets ballots proceed side by side, but the count (FOR
 * UPDATE) waits for them and they for it, so no ballot lands after the count.
 */
async function holdOpen(ctx: PluginContext<unknown>, meetingId: string, online: boolean): Promise<Meeting> {
  const [meeting] = await ctx.db.select().from(meetings).where(eq(meetings.id, meetingId)).for('key share');
  if (meeting?.status !== 'open') throw fail('not_open');
  if (online && ctx.now() >= meeting.closesAt) throw fail('voting_ended');
  return meeting;
}

async function liveBallot(ctx: PluginContext<unknown>, meetingId: string, rollOwnerId: string) {
  const [row] = await ctx.db
    .select()
    .from(ballots)
    .where(and(eq(ballots.meetingId, meetingId), eq(ballots.rollOwnerId, rollOwnerId), inArray(ballots.status, ['pending', 'accepted'])));
  return row;
}

export async function findBallot(ctx: PluginContext<unknown>, where: ReturnType<typeof eq>) {
  const [row] = await ctx.db.select().from(ballots).where(where);
  return row;
}

export async function loadRollOwner(ctx: PluginContext<unknown>, meetingId: string, rollOwnerId: string) {
  const [owner] = await ctx.db.select().from(rollOwners).where(and(eq(rollOwners.meetingId, meetingId), eq(rollOwners.id, rollOwnerId)));
  if (!owner) throw fail('ballot_missing');
  return owner;
}

/** An accepted ballot as it is written; the chain takes it in at the next sealing. */
export function acceptedBallot(ctx: PluginContext<unknown>, facts: EntryFacts, extra: Partial<Ballot> = {}) {
  return {
    id: newId(),
    tenantId: ctx.tenant.id,
    ...extra,
    meetingId: facts.meetingId,
    rollOwnerId: facts.rollOwnerId,
    channel: facts.channel as Channel,
    status: 'accepted' as const,
    choices: facts.choices as unknown as Record<string, unknown>,
    receipt: facts.receipt,
    paperRef: facts.paperRef,
    proxyName: facts.proxyName,
    proxyAuthorisation: facts.proxyAuthorisation,
    supersedes: facts.supersedes,
    createdAt: facts.acceptedAt,
    acceptedAt: facts.acceptedAt,
  };
}

interface CastInput {
  meeting: Meeting;
  rollOwnerId: string;
  choices: ChoiceInput[];
  channel: Channel;
  idempotencyKey?: string | null;
  paperRef?: string | null;
  proxyName?: string | null;
  proxyAuthorisation?: string | null;
}

/**
 * An owner's online ballot, accepted at once. A repeat with the same Idempotency-Key returns the first ballot; a
 * second ballot for the same counting owner is refused, or replaces the first where the meeting allows changes. The
 * partial unique index stops two concurrent submissions both counting.
 */
export async function castOnline(ctx: PluginContext<unknown>, input: CastInput): Promise<{ ballot: Ballot; replayed: boolean }> {
  const actor = ctx.actor!;
  const key = input.idempotencyKey ?? null;
  const replay = async () => {
    if (!key) return undefined;
    const earlier = await findBallot(ctx, and(eq(ballots.meetingId, input.meeting.id), eq(ballots.castBy, actor.id), eq(ballots.idempotencyKey, key))!);
    // The same key for another counting owner is a different request, not a repeat: refuse it rather than answer
    // with someone else's receipt.
    if (earlier && earlier.rollOwnerId !== input.rollOwnerId) throw fail('idempotency_mismatch');
    return earlier;
  };
  const earlier = await replay();
  if (earlier) return { ballot: earlier, replayed: true };

  const facts: EntryFacts = {
    meetingId: input.meeting.id,
    rollOwnerId: input.rollOwnerId,
    receipt: receiptCode(),
    channel: input.channel,
    choices: input.choices,
    acceptedAt: ctx.now(),
    supersedes: null,
    paperRef: null,
    proxyName: null,
    proxyAuthorisation: null,
  };
  const row = acceptedBallot(ctx, facts, { castBy: actor.id, idempotencyKey: key });
  let repeated: Ballot | undefined;
  try {
    // A savepoint (statements through ctx.db run inside it: same connection), so a refused insert leaves the
    // request's transaction usable for the answer.
    await ctx.db.transaction(async () => {
      const meeting = await holdOpen(ctx, input.meeting.id, true);
      const current = await liveBallot(ctx, meeting.id, input.rollOwnerId);
      // The same request, committed by a twin that was sent at the same moment.
      if (current && key && current.castBy === actor.id && current.idempotencyKey === key) {
        repeated = current;
        return;
      }
      if (current?.status === 'pending') throw fail('ballot_pending');
      if (current && !meeting.allowChange) throw fail('already_voted');
      if (current) await ctx.db.update(ballots).set({ status: 'superseded' }).where(and(eq(ballots.id, current.id), eq(ballots.status, 'accepted')));
      await ctx.db.insert(ballots).values({ ...row, supersedes: current?.receipt ?? null });
    });
  } catch (error) {
    // A concurrent repeat of the same request may lose on either index; it is still a repeat.
    if (isUniqueViolation(error)) {
      const first = await replay();
      if (first) return { ballot: first, replayed: true };
    }
    if (isUniqueViolation(error, 'voting_ballots_one_live')) throw fail('already_voted');
    throw error;
  }
  if (repeated) return { ballot: repeated, replayed: true };
  await sealChain(ctx, input.meeting.id, 'ifFree');
  return { ballot: (await findBallot(ctx, eq(ballots.id, row.id)))!, replayed: false };
}

/** A paper or proxy ballot typed in by one person: it counts only after a second person confirms it. */
export async function enterOnBehalf(ctx: PluginContext<unknown>, input: CastInput): Promise<Ballot> {
  const actor = ctx.actor!;
  const id = newId();
  try {
    await ctx.db.transaction(async () => {
      const meeting = await holdOpen(ctx, input.meeting.id, false);
      const current = await liveBallot(ctx, meeting.id, input.rollOwnerId);
      if (current?.status === 'pending') throw fail('ballot_pending');
      // Changing a ballot is the owner's own act online; a paper ballot never replaces one already counted.
      if (current) throw fail('already_voted');
      await ctx.db.insert(ballots).values({
        id,
        tenantId: ctx.tenant.id,
        meetingId: meeting.id,
        rollOwnerId: input.rollOwnerId,
        channel: input.channel,
        status: 'pending',
        choices: input.choices as unknown as Record<string, unknown>,
        receipt: receiptCode(),
        paperRef: input.paperRef || null,
        proxyName: input.proxyName || null,
        proxyAuthorisation: input.proxyAuthorisation || null,
        enteredBy: actor.id,
        enteredByName: actor.displayName,
        createdAt: ctx.now(),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'voting_ballots_one_live')) throw fail('ballot_pending');
    throw error;
  }
  return (await findBallot(ctx, eq(ballots.id, id)))!;
}

/** The second person's check: the entry is accepted and counts, and joins the chain. */
export async function confirmEntry(ctx: PluginContext<unknown>, meeting: Meeting, ballotId: string): Promise<Ballot> {
  const actor = ctx.actor!;
  const entry = await findBallot(ctx, and(eq(ballots.meetingId, meeting.id), eq(ballots.id, ballotId))!);
  if (!entry) throw fail('ballot_missing');
  if (entry.status !== 'pending') throw fail('not_pending');
  if (entry.enteredBy === actor.id) throw fail('same_person');
  await holdOpen(ctx, meeting.id, false);
  const [confirmed] = await ctx.db
    .update(ballots)
    .set({ status: 'accepted', acceptedAt: ctx.now(), confirmedBy: actor.id, confirmedByName: actor.displayName })
    .where(and(eq(ballots.id, entry.id), eq(ballots.status, 'pending')))
    .returning({ id: ballots.id });
  if (!confirmed) throw fail('not_pending');
  await sealChain(ctx, meeting.id, 'ifFree');
  return (await findBallot(ctx, eq(ballots.id, entry.id)))!;
}

export async function rejectEntry(ctx: PluginContext<unknown>, meeting: Meeting, ballotId: string): Promise<void> {
  const actor = ctx.actor!;
  const [row] = await ctx.db
    .update(ballots)
    .set({ status: 'rejected', confirmedBy: actor.id, confirmedByName: actor.displayName })
    .where(and(eq(ballots.meetingId, meeting.id), eq(ballots.id, ballotId), eq(ballots.status, 'pending')))
    .returning({ id: ballots.id });
  if (!row) throw fail('not_pending');
}
