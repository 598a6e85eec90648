import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, type PluginContext } from '@city/plugin-sdk/server';
import { and, eq, inArray } from 'drizzle-orm';
import type { ChoiceInput } from '../contracts.ts';
import { ballots, rollOwners, type Channel } from '../schema.ts';
import { holdOpen, type Ballot } from './ballot-rules.ts';
import { sealChain, withSeal } from './ballot-sealing.ts';
import { receiptCode } from './chain.ts';
import { fail } from './errors.ts';
import type { Meeting } from './meetings.ts';

interface CastInput {
  meeting: Meeting;
  rollOwnerId: string;
  choices: ChoiceInput[];
  channel: Channel;
  paperRef?: string | null;
  proxyName?: string | null;
  proxyAuthorisation?: string | null;
}

async function liveBallot(ctx: PluginContext<unknown>, meetingId: string, rollOwnerId: string) {
  const [row] = await ctx.db
    .select()
    .from(ballots)
    .where(
      and(
        eq(ballots.meetingId, meetingId),
        eq(ballots.rollOwnerId, rollOwnerId),
        inArray(ballots.status, ['pending', 'accepted']),
      ),
    );
  return row;
}

async function findBallot(ctx: PluginContext<unknown>, where: ReturnType<typeof eq>) {
  const [row] = await ctx.db.select().from(ballots).where(where);
  return row;
}

export async function loadRollOwner(ctx: PluginContext<unknown>, meetingId: string, rollOwnerId: string) {
  const [owner] = await ctx.db
    .select()
    .from(rollOwners)
    .where(and(eq(rollOwners.meetingId, meetingId), eq(rollOwners.id, rollOwnerId)));
  if (!owner) throw fail('ballot_missing');
  return owner;
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
