import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, type PluginContext } from '@city/plugin-sdk/server';
import { and, eq, sql } from 'drizzle-orm';
import type { ChoiceInput } from '../contracts.ts';
import { ballots, meetings, rollOwners, type Channel } from '../schema.ts';
import { canonicalChoices, entryPayload, receiptCode, type EntryFacts } from './chain.ts';
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

/**
 * Appends an accepted ballot to the meeting's chain in one statement: the meeting row's update takes its lock (so
 * entries are numbered and linked one at a time), the database hashes the previous head with the entry's payload, and
 * the ballot is written with its place in the chain. Either both happen or neither.
 */
export async function appendToChain(ctx: PluginContext<unknown>, meetingId: string, facts: EntryFacts, write: 'insert' | 'confirm', extra: Partial<Ballot>) {
  const payload = entryPayload(facts);
  const head = sql`update ${meetings} set ballot_seq = ballot_seq + 1, prev_head = chain_head,
      chain_head = encode(sha256(decode(chain_head, 'hex') || convert_to(${payload}, 'UTF8')), 'hex')
    where id = ${meetingId} and status = 'open'
    returning ballot_seq, prev_head, chain_head`;
  const at = facts.acceptedAt.toISOString();
  const statement =
    write === 'insert'
      ? sql`with head as (${head})
          insert into ${ballots} (id, tenant_id, meeting_id, roll_owner_id, channel, status, choices, receipt, idempotency_key, cast_by,
            paper_ref, proxy_name, proxy_authorisation, entered_by, entered_by_name, supersedes, created_at, accepted_at, seq, prev_hash, entry_hash)
          select ${extra.id}, ${ctx.tenant.id}, ${meetingId}, ${facts.rollOwnerId}, ${facts.channel}, 'accepted', ${JSON.stringify(facts.choices)}::jsonb,
            ${facts.receipt}, ${extra.idempotencyKey ?? null}, ${extra.castBy ?? null}, ${facts.paperRef}, ${facts.proxyName}, ${facts.proxyAuthorisation},
            ${extra.enteredBy ?? null}, ${extra.enteredByName ?? null}, ${facts.supersedes}, ${at}::timestamptz, ${at}::timestamptz,
            head.ballot_seq, head.prev_head, head.chain_head from head
          returning seq`
      : sql`with head as (${head})
          update ${ballots} set status = 'accepted', accepted_at = ${at}::timestamptz, confirmed_by = ${extra.confirmedBy ?? null},
            confirmed_by_name = ${extra.confirmedByName ?? null}, seq = head.ballot_seq, prev_hash = head.prev_head, entry_hash = head.chain_head
          from head where ${ballots.id} = ${extra.id} and ${ballots.status} = 'pending'
          returning seq`;
  const { rows } = (await ctx.db.execute(statement)) as unknown as { rows: unknown[] };
  if (!rows.length) throw fail('not_open');
}

async function liveBallot(ctx: PluginContext<unknown>, meetingId: string, rollOwnerId: string) {
  const [row] = await ctx.db
    .select()
    .from(ballots)
    .where(and(eq(ballots.meetingId, meetingId), eq(ballots.rollOwnerId, rollOwnerId), sql`${ballots.status} in ('pending', 'accepted')`));
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
  const { meeting } = input;
  const byKey = () =>
    input.idempotencyKey
      ? findBallot(ctx, and(eq(ballots.meetingId, meeting.id), eq(ballots.castBy, actor.id), eq(ballots.idempotencyKey, input.idempotencyKey))!)
      : Promise.resolve(undefined);
  const replay = async () => {
    const earlier = await byKey();
    // The same key for another counting owner is a different request, not a repeat: refuse it rather than answer
    // with someone else's receipt.
    if (earlier && earlier.rollOwnerId !== input.rollOwnerId) throw fail('idempotency_mismatch');
    return earlier;
  };
  const earlier = await replay();
  if (earlier) return { ballot: earlier, replayed: true };
  if (meeting.status !== 'open') throw fail('not_open');
  if (ctx.now() >= meeting.closesAt) throw fail('voting_ended');

  const id = newId();
  try {
    // A savepoint (statements through ctx.db run inside it: same connection), so a refused insert leaves the
    // request's transaction usable for the answer.
    await ctx.db.transaction(async () => {
      const current = await liveBallot(ctx, meeting.id, input.rollOwnerId);
      if (current?.status === 'pending') throw fail('ballot_pending');
      if (current && !meeting.allowChange) throw fail('already_voted');
      if (current) await ctx.db.update(ballots).set({ status: 'superseded' }).where(and(eq(ballots.id, current.id), eq(ballots.status, 'accepted')));
      const facts = {
        meetingId: meeting.id,
        rollOwnerId: input.rollOwnerId,
        receipt: receiptCode(),
        channel: input.channel,
        choices: input.choices,
        acceptedAt: ctx.now(),
        supersedes: current?.receipt ?? null,
        paperRef: null,
        proxyName: null,
        proxyAuthorisation: null,
      };
      await appendToChain(ctx, meeting.id, facts, 'insert', { id, castBy: actor.id, idempotencyKey: input.idempotencyKey ?? null });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'voting_ballots_idempotency')) {
      const first = await replay();
      if (first) return { ballot: first, replayed: true };
    }
    if (isUniqueViolation(error, 'voting_ballots_one_live')) throw fail('already_voted');
    throw error;
  }
  return { ballot: (await findBallot(ctx, eq(ballots.id, id)))!, replayed: false };
}

/** A paper or proxy ballot typed in by one person: it counts only after a second person confirms it. */
export async function enterOnBehalf(ctx: PluginContext<unknown>, input: CastInput): Promise<Ballot> {
  const actor = ctx.actor!;
  const { meeting } = input;
  if (meeting.status !== 'open') throw fail('not_open');
  const id = newId();
  try {
    await ctx.db.transaction(async () => {
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

/** The second person's check: the entry joins the chain and counts. */
export async function confirmEntry(ctx: PluginContext<unknown>, meeting: Meeting, ballotId: string): Promise<Ballot> {
  const actor = ctx.actor!;
  const entry = await findBallot(ctx, and(eq(ballots.meetingId, meeting.id), eq(ballots.id, ballotId))!);
  if (!entry) throw fail('ballot_missing');
  if (entry.status !== 'pending') throw fail('not_pending');
  if (entry.enteredBy === actor.id) throw fail('same_person');
  const facts = {
    meetingId: meeting.id,
    rollOwnerId: entry.rollOwnerId,
    receipt: entry.receipt,
    channel: entry.channel,
    choices: entry.choices as unknown as ChoiceInput[],
    acceptedAt: ctx.now(),
    supersedes: null,
    paperRef: entry.paperRef,
    proxyName: entry.proxyName,
    proxyAuthorisation: entry.proxyAuthorisation,
  };
  await appendToChain(ctx, meeting.id, facts, 'confirm', { id: entry.id, confirmedBy: actor.id, confirmedByName: actor.displayName });
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
