import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, type PluginContext } from '@city/plugin-sdk/server';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ChoiceInput } from '../contracts.ts';
import { ballots, meetings, rollOwners, type Channel } from '../schema.ts';
import { canonicalChoices, entryPayload, nextHash, receiptCode, type EntryFacts } from './chain.ts';
import { fail } from './errors.ts';
import { motionsOf, type Meeting, type Motion } from './meetings.ts';

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
export async function sealChain(ctx: PluginContext<unknown>, meetingId: string, mode: 'wait' | 'ifFree'): Promise<Map<string, { seq: number; prev: string; hash: string }>> {
  const sealed = new Map<string, { seq: number; prev: string; hash: string }>();
  const query = ctx.db.select({ head: meetings.chainHead, seq: meetings.ballotSeq }).from(meetings).where(eq(meetings.id, meetingId));
  const [meeting] = mode === 'wait' ? await query.for('no key update') : await query.for('no key update', { skipLocked: true });
  if (!meeting?.head) return sealed;
  const unsealed = await ctx.db
    .select()
    .from(ballots)
    .where(and(eq(ballots.meetingId, meetingId), isNull(ballots.seq), inArray(ballots.status, ['accepted', 'superseded'])))
    .orderBy(asc(ballots.acceptedAt), asc(ballots.id));
  if (!unsealed.length) return sealed;
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
  for (const e of entries) sealed.set(e.id, e);
  return sealed;
}

/**
 * The meeting, held open for this transaction: FOR KEY SHARE lets ballots proceed side by side, but the count (FOR
 * UPDATE) waits for them and they for it, so no ballot lands after the count.
 */
async function holdOpen(ctx: PluginContext<unknown>, meetingId: string, online: boolean): Promise<Meeting> {
  return (await holdOpenWith(ctx, meetingId, null, online)).meeting;
}

/** holdOpen, reading one counting owner of its roll in the same round trip (null when it is not on the roll). */
async function holdOpenWith(ctx: PluginContext<unknown>, meetingId: string, rollOwnerId: string | null, online: boolean) {
  const [found] = await ctx.db
    .select({ meeting: meetings, owner: rollOwners })
    .from(meetings)
    .leftJoin(rollOwners, and(eq(rollOwners.meetingId, meetings.id), eq(rollOwners.id, rollOwnerId ?? sql`null`)))
    .where(eq(meetings.id, meetingId))
    .for('key share', { of: meetings });
  const meeting = found?.meeting;
  if (!meeting || meeting.status === 'draft') throw fail('meeting_missing');
  if (meeting.status !== 'open') throw fail('not_open');
  if (online && ctx.now() >= meeting.closesAt) throw fail('voting_ended');
  return { meeting, owner: found.owner };
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

/** With the seal's result, the ballot as it now stands (in the chain if this request sealed it). */
const withSeal = (ballot: Ballot, sealed: Map<string, { seq: number; prev: string; hash: string }>): Ballot => {
  const entry = sealed.get(ballot.id);
  return entry ? { ...ballot, seq: entry.seq, prevHash: entry.prev, entryHash: entry.hash } : ballot;
};

/**
 * An owner's ballot sent online (the API's POST …/ballots): the meeting held open, the caller checked as a voter of
 * the counting owner on the frozen roll, the choices checked against the agenda, then cast.
 */
export async function submitOnline(ctx: PluginContext<unknown>, meetingId: string, input: { rollOwnerId: string; choices: ChoiceInput[] }, idempotencyKey: string | null) {
  const { meeting, owner } = await holdOpenWith(ctx, meetingId, input.rollOwnerId, false);
  if (!owner) throw fail('ballot_missing');
  const mine = new Set(await ctx.registry.ownerIdsOf(ctx.actor!.id));
  if (!owner.voterOwnerIds.some((id) => mine.has(id))) throw fail('not_a_voter');
  const choices = checkChoices(await motionsOf(ctx, meeting.id), input.choices, false);
  return castOnline(ctx, { meeting, rollOwnerId: owner.id, choices, channel: 'online', idempotencyKey });
}

/**
 * An owner's online ballot, accepted at once. A repeat with the same Idempotency-Key returns the first ballot; a
 * second ballot for the same counting owner is refused, or replaces the first where the meeting allows changes. The
 * partial unique index stops two concurrent submissions both counting. `meeting` must be held open (holdOpen).
 */
async function castOnline(ctx: PluginContext<unknown>, input: CastInput): Promise<{ ballot: Ballot; replayed: boolean }> {
  const actor = ctx.actor!;
  const { meeting } = input;
  const key = input.idempotencyKey ?? null;
  if (ctx.now() >= meeting.closesAt) throw fail('voting_ended');
  // One look for both: this owner's live ballot, and an earlier request with the same key.
  const earlier = () =>
    ctx.db
      .select()
      .from(ballots)
      .where(
        and(
          eq(ballots.meetingId, meeting.id),
          or(
            and(eq(ballots.rollOwnerId, input.rollOwnerId), inArray(ballots.status, ['pending', 'accepted'])),
            key ? and(eq(ballots.castBy, actor.id), eq(ballots.idempotencyKey, key)) : undefined,
          ),
        ),
      );
  const settle = (found: Ballot[]) => {
    const repeat = key ? found.find((b) => b.castBy === actor.id && b.idempotencyKey === key) : undefined;
    // The same key for another counting owner is a different request, not a repeat: refuse it rather than answer
    // with someone else's receipt.
    if (repeat && repeat.rollOwnerId !== input.rollOwnerId) throw fail('idempotency_mismatch');
    return { repeat, live: found.find((b) => b.rollOwnerId === input.rollOwnerId && b.status !== 'superseded') };
  };
  const before = settle(await earlier());
  if (before.repeat) return { ballot: before.repeat, replayed: true };
  if (before.live?.status === 'pending') throw fail('ballot_pending');
  if (before.live && !meeting.allowChange) throw fail('already_voted');

  const row = acceptedBallot(
    ctx,
    { meetingId: meeting.id, rollOwnerId: input.rollOwnerId, receipt: receiptCode(), channel: input.channel, choices: input.choices, acceptedAt: ctx.now(), supersedes: before.live?.receipt ?? null, paperRef: null, proxyName: null, proxyAuthorisation: null },
    { castBy: actor.id, idempotencyKey: key },
  );
  let inserted: Ballot | undefined;
  if (before.live) {
    // A change: the old ballot is marked replaced and the new one written together, or neither (a savepoint).
    try {
      inserted = await ctx.db.transaction(async () => {
        await ctx.db.update(ballots).set({ status: 'superseded' }).where(and(eq(ballots.id, before.live!.id), eq(ballots.status, 'accepted')));
        return (await ctx.db.insert(ballots).values(row).returning())[0];
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  } else {
    // The usual case needs no savepoint: a concurrent twin makes the insert do nothing instead of failing.
    [inserted] = await ctx.db.insert(ballots).values(row).onConflictDoNothing().returning();
  }
  if (!inserted) {
    const after = settle(await earlier());
    if (after.repeat) return { ballot: after.repeat, replayed: true };
    throw fail(after.live?.status === 'pending' ? 'ballot_pending' : 'already_voted');
  }
  return { ballot: withSeal(inserted, await sealChain(ctx, meeting.id, 'ifFree')), replayed: false };
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
    .returning();
  if (!confirmed) throw fail('not_pending');
  return withSeal({ ...entry, ...confirmed }, await sealChain(ctx, meeting.id, 'ifFree'));
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
