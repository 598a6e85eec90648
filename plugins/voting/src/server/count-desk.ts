import { onRecord } from '@city/plugin-sdk';
import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, type PluginContext } from '@city/plugin-sdk/server';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { randomHex } from '../board/index.ts';
import type { ChoiceInput } from '../contracts.ts';
import { ballots, proxyDocuments, rollOwners, sheetRefusals } from '../schema.ts';
import { holdOpen, type Ballot } from './ballot-rules.ts';
import { holderKey, sealChain, withSeal } from './ballot-sealing.ts';
import { receiptCode } from './receipts.ts';
import { fail } from './errors.ts';
import type { Meeting } from './meeting-rows.ts';

interface SheetInput {
  meeting: Meeting;
  rollOwnerId: string;
  /** Checked against the owner's ballot paper; [] for a sheet that is 废票 as a whole. */
  choices: ChoiceInput[];
  wholeInvalid: boolean;
  channel: 'paper' | 'proxy';
  receivedAt: Date;
  paperRef: string | null;
  proxy: { holder: string; documentId: string; limit: number } | null;
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

/** The sheet's time: received by the deadline (entry and the second check may follow it, until the count). */
function checkReceived(ctx: PluginContext<unknown>, meeting: Meeting, receivedAt: Date) {
  if (receivedAt.getTime() > ctx.now().getTime()) throw fail('received_future');
  if (receivedAt > meeting.closesAt) throw fail('received_late');
}

/** A sheet number is entered once per meeting: a second entry is refused, and the refusal kept for the reconciliation. */
async function claimSheet(ctx: PluginContext<unknown>, meetingId: string, paperRef: string) {
  const [taken] = await ctx.db
    .select({ id: ballots.id })
    .from(ballots)
    .where(and(eq(ballots.meetingId, meetingId), eq(ballots.paperRef, paperRef), ne(ballots.status, 'rejected')));
  if (!taken) return;
  await ctx.db.insert(sheetRefusals).values({
    id: newId(),
    tenantId: ctx.tenant.id,
    meetingId,
    paperRef,
    enteredBy: ctx.actor!.id,
    createdAt: ctx.now(),
  });
  throw onRecord(fail('sheet_taken'));
}

/** The proxy's authorisation, uploaded for this meeting; and its holder under the neighbourhood's limit. */
async function checkProxy(ctx: PluginContext<unknown>, meetingId: string, proxy: NonNullable<SheetInput['proxy']>) {
  const [document] = await ctx.db
    .select({ digest: proxyDocuments.digest })
    .from(proxyDocuments)
    .where(and(eq(proxyDocuments.id, proxy.documentId), eq(proxyDocuments.meetingId, meetingId)));
  if (!document) throw fail('document_missing');
  const held = await ctx.db
    .select({ name: ballots.proxyName })
    .from(ballots)
    .where(
      and(
        eq(ballots.meetingId, meetingId),
        eq(ballots.channel, 'proxy'),
        inArray(ballots.status, ['pending', 'accepted']),
      ),
    );
  const holder = holderKey(proxy.holder);
  if (held.filter((h) => holderKey(h.name ?? '') === holder).length >= proxy.limit) throw fail('proxy_limit');
  return document.digest;
}

/** A paper or proxy ballot typed in by one person: it counts only after a second person confirms it. */
export async function enterOnBehalf(ctx: PluginContext<unknown>, input: SheetInput): Promise<Ballot> {
  const actor = ctx.actor!;
  const id = newId();
  const meeting = await holdOpen(ctx, input.meeting.id, false);
  checkReceived(ctx, meeting, input.receivedAt);
  const current = await liveBallot(ctx, meeting.id, input.rollOwnerId);
  if (current?.status === 'pending') throw fail('ballot_pending');
  // Changing a ballot is the owner's own act online; a paper ballot never replaces one already counted.
  if (current) throw fail('already_voted');
  // Before the savepoint below: a refusal kept on the record must not be undone with it.
  if (input.paperRef) await claimSheet(ctx, meeting.id, input.paperRef);
  try {
    await ctx.db.transaction(async () => {
      const authorisation = input.proxy ? await checkProxy(ctx, meeting.id, input.proxy) : null;
      await ctx.db.insert(ballots).values({
        id,
        tenantId: ctx.tenant.id,
        meetingId: meeting.id,
        rollOwnerId: input.rollOwnerId,
        channel: input.channel,
        status: 'pending',
        choices: input.choices as unknown as Record<string, unknown>,
        nonce: randomHex(),
        wholeInvalid: input.wholeInvalid,
        receipt: receiptCode(),
        receivedAt: input.receivedAt,
        paperRef: input.paperRef,
        proxyName: input.proxy?.holder ?? null,
        proxyAuthorisation: authorisation,
        proxyDocumentId: input.proxy?.documentId ?? null,
        enteredBy: actor.id,
        enteredByName: actor.displayName,
        createdAt: ctx.now(),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'voting_ballots_one_live')) throw fail('ballot_pending');
    if (isUniqueViolation(error, 'voting_ballots_sheet')) throw fail('sheet_taken');
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

/** The second person's refusal: the entry never counts, and goes into the chain as rejected (its sheet number freed). */
export async function rejectEntry(ctx: PluginContext<unknown>, meeting: Meeting, ballotId: string): Promise<void> {
  const actor = ctx.actor!;
  await holdOpen(ctx, meeting.id, false);
  const [row] = await ctx.db
    .update(ballots)
    .set({ status: 'rejected', acceptedAt: ctx.now(), confirmedBy: actor.id, confirmedByName: actor.displayName })
    .where(and(eq(ballots.meetingId, meeting.id), eq(ballots.id, ballotId), eq(ballots.status, 'pending')))
    .returning({ id: ballots.id });
  if (!row) throw fail('not_pending');
  await sealChain(ctx, meeting.id, 'ifFree');
}
