import { z } from '@hono/zod-openapi';
import type { Schema } from 'hono';
import {
  decodeCursor,
  encodeCursor,
  jsonBody,
  json,
  pluginRoute,
  type PluginContext,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import { compareNatural, compareNaturalBy } from '@city/contracts/values';
import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import {
  BallotInputSchema,
  ChainCheckSchema,
  MyVotesSchema,
  PendingBallotsSchema,
  ReceiptSchema,
  RollQuerySchema,
  RollSchema,
  StaffBallotInputSchema,
  type ChoiceInput,
} from '../../contracts.ts';
import { ballots, rollOwners, rollUnits } from '../../schema.ts';
import { meetingParams } from './params.ts';
import { ballotPapers, checkChoices, type Ballot } from '../ballot-rules.ts';
import { checkChain } from '../chain-check.ts';
import { confirmEntry, enterOnBehalf, loadRollOwner, rejectEntry } from '../count-desk.ts';
import { TELLERS } from '../access.ts';
import { fail } from '../errors.ts';
import { type Settings } from '../meetings.ts';
import { loadMeeting, motionsOf } from '../meeting-rows.ts';
import { onlineBallots } from '../online-ballots.ts';

const entryParams = meetingParams.extend({ ballotId: z.uuid() });
type Ctx = PluginContext<Settings>;

const mine = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/mine',
  summary: '我可以表决的计票主体与我的表决票 / The counting owners I vote for, and my ballots',
  access: ['tenant:member'],
  request: { params: meetingParams },
  responses: { 200: json(MyVotesSchema) },
});
const cast = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/ballots',
  summary: '网上投票（支持 Idempotency-Key）/ Vote online (honours Idempotency-Key)',
  access: ['tenant:member'],
  // Owners vote at once when a meeting opens: their ballots share transactions (group commit).
  grouped: true,
  request: {
    params: meetingParams,
    headers: z.object({ 'idempotency-key': z.string().max(100).optional() }),
    body: jsonBody(BallotInputSchema),
  },
  responses: {
    201: json(ReceiptSchema, 'Accepted'),
    200: json(ReceiptSchema, 'The same request again: the first ballot'),
  },
});
const roll = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/roll',
  summary: '冻结的业主名册（录入纸质票用）/ The frozen roll (for entering paper ballots)',
  access: TELLERS,
  request: { params: meetingParams, query: RollQuerySchema },
  responses: { 200: json(RollSchema) },
});
const enter = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/staff-ballots',
  summary: '录入纸质或委托表决票（待第二人核对）/ Enter a paper or proxy ballot (awaits a second check)',
  access: TELLERS,
  request: { params: meetingParams, body: jsonBody(StaffBallotInputSchema) },
  responses: { 201: json(ReceiptSchema, 'Entered') },
});
const pending = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/staff-ballots',
  summary: '待核对的表决票 / Ballots awaiting a check',
  access: TELLERS,
  request: { params: meetingParams },
  responses: { 200: json(PendingBallotsSchema) },
});
const confirm = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/staff-ballots/{ballotId}/confirm',
  summary: '核对无误（须为另一人）/ Confirm (a second person)',
  access: TELLERS,
  request: { params: entryParams },
  responses: { 200: json(ReceiptSchema) },
});
const reject = pluginRoute({
  method: 'post',
  path: '/meetings/{meetingId}/staff-ballots/{ballotId}/reject',
  summary: '录入有误，退回 / Reject a wrong entry',
  access: TELLERS,
  request: { params: entryParams },
  responses: { 204: { description: 'Rejected' } },
});
const chain = pluginRoute({
  method: 'get',
  path: '/meetings/{meetingId}/chain',
  summary: '重新计算表决记录链 / Recompute the ballot chain',
  access: ['tenant:member'],
  request: { params: meetingParams },
  responses: { 200: json(ChainCheckSchema) },
});

/** A search term as an ILIKE pattern that matches it literally. */
const like = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * Counting owners one of whose units has every word of the search in its address (building, entrance, room): "9栋 305"
 * finds "9栋 201 +1" when 9栋 305 is one of its units, not only the owner labelled by its first unit.
 */
const ownsUnitMatching = (ctx: Ctx, meetingId: string, q: string) =>
  inArray(
    rollOwners.id,
    ctx.db
      .select({ id: rollUnits.rollOwnerId })
      .from(rollUnits)
      .where(
        and(
          eq(rollUnits.meetingId, meetingId),
          ...q
            .split(/\s+/)
            .filter(Boolean)
            .map((word) => ilike(rollUnits.room, like(word))),
        ),
      ),
  );

/** Counting owners with a unit in the named building. */
const ownsUnitIn = (ctx: Ctx, meetingId: string, building: string) =>
  inArray(
    rollOwners.id,
    ctx.db
      .select({ id: rollUnits.rollOwnerId })
      .from(rollUnits)
      .where(and(eq(rollUnits.meetingId, meetingId), eq(rollUnits.buildingName, building))),
  );

/** The roll as the count desk reads it: by label in natural order (1栋 202 before 1栋 1001), then by id. */
const rollOrder = compareNaturalBy<{ id: string; label: string }>(
  (o) => o.label,
  (o) => o.id,
);

const receiptOf = (b: Ballot) => ({
  receipt: b.receipt,
  seq: b.seq,
  entryHash: b.entryHash,
  acceptedAt: b.acceptedAt?.toISOString() ?? null,
  status: b.status,
});

async function openMeeting(ctx: Ctx, meetingId: string) {
  const meeting = await loadMeeting(ctx, meetingId);
  if (meeting.status === 'draft') throw fail('meeting_missing');
  return meeting;
}

/** Ballots: owners online; tellers enter paper and proxy ballots that a second teller confirms. */
export const ballotRoutes = <R extends Schema>(router: PluginRouter<Settings, R>) =>
  router
    .openapi(mine, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await openMeeting(ctx, c.req.valid('param').meetingId);
      // Before opening there is no roll yet: who votes for what is known only once it is frozen.
      if (!meeting.rollHash) return c.json({ items: [], canVote: false, reason: 'not_open' }, 200);
      const ownerIds = await ctx.registry.ownerIdsOf(ctx.actor!.id);
      const owners = ownerIds.length
        ? await ctx.db
            .select()
            .from(rollOwners)
            .where(
              and(
                eq(rollOwners.meetingId, meeting.id),
                sql`${rollOwners.voterOwnerIds} && ${sql`array[${sql.join(
                  ownerIds.map((id) => sql`${id}`),
                  sql`, `,
                )}]::uuid[]`}`,
              ),
            )
            .orderBy(asc(rollOwners.label))
        : [];
      const cast = owners.length
        ? await ctx.db
            .select()
            .from(ballots)
            .where(
              and(
                eq(ballots.meetingId, meeting.id),
                inArray(
                  ballots.rollOwnerId,
                  owners.map((o) => o.id),
                ),
                sql`${ballots.status} in ('pending', 'accepted')`,
              ),
            )
        : [];
      const byOwner = new Map(cast.map((b) => [b.rollOwnerId, b]));
      const paperOf = await ballotPapers(
        ctx,
        meeting.id,
        await motionsOf(ctx, meeting.id),
        owners.map((o) => o.id),
      );
      const items = owners.map((o) => {
        const b = byOwner.get(o.id);
        return {
          rollOwnerId: o.id,
          label: o.label,
          area: o.area,
          motionIds: paperOf(o.id).map((m) => m.id),
          ballot: b
            ? {
                receipt: b.receipt,
                status: b.status,
                channel: b.channel,
                acceptedAt: b.acceptedAt?.toISOString() ?? null,
                choices: b.choices as unknown as ChoiceInput[],
              }
            : null,
        };
      });
      const ended = meeting.status === 'closed' || ctx.now() >= meeting.closesAt;
      const reason = !owners.length ? (ownerIds.length ? 'not_on_roll' : 'not_owner') : ended ? 'ended' : null;
      return c.json({ items, canVote: reason === null, reason }, 200);
    })
    .openapi(cast, async (c) => {
      const input = {
        meetingId: c.req.valid('param').meetingId,
        ...c.req.valid('json'),
        idempotencyKey: c.req.valid('header')['idempotency-key'] ?? null,
      };
      const { ballot, replayed } = await c.get('group')(onlineBallots, input);
      return c.json(receiptOf(ballot), replayed ? 200 : 201);
    })
    .openapi(roll, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await openMeeting(ctx, c.req.valid('param').meetingId);
      const { q, building, status, cursor, limit } = c.req.valid('query');
      const after = decodeCursor(cursor);
      // A frozen roll holds at most a few thousand counting owners: the matching ones are read whole and ordered as
      // people read rooms (202 before 1001), which SQL's text order cannot do; the cursor is the last row's id.
      const [rows, buildings, cast] = await Promise.all([
        ctx.db
          .select({
            id: rollOwners.id,
            label: rollOwners.label,
            names: rollOwners.names,
            kind: rollOwners.kind,
            area: rollOwners.area,
          })
          .from(rollOwners)
          .where(
            and(
              eq(rollOwners.meetingId, meeting.id),
              q
                ? or(
                    ilike(rollOwners.label, like(q)),
                    sql`exists (select from unnest(${rollOwners.names}) as name where name ilike ${like(q)})`,
                    ownsUnitMatching(ctx, meeting.id, q),
                  )
                : undefined,
              building ? ownsUnitIn(ctx, meeting.id, building) : undefined,
            ),
          ),
        ctx.db
          .selectDistinct({ name: rollUnits.buildingName })
          .from(rollUnits)
          .where(eq(rollUnits.meetingId, meeting.id)),
        ctx.db
          .select({ id: ballots.rollOwnerId })
          .from(ballots)
          .where(and(eq(ballots.meetingId, meeting.id), sql`${ballots.status} in ('pending', 'accepted')`)),
      ]);
      const voted = new Set(cast.map((b) => b.id));
      const matching = rows.filter((o) => !status || voted.has(o.id) === (status === 'voted')).sort(rollOrder);
      // Where the previous page ended, in roll order: a row that left the filter since (it voted) still marks it.
      const last = after
        ? (rows.find((o) => o.id === after) ??
          (
            await ctx.db
              .select({ id: rollOwners.id, label: rollOwners.label })
              .from(rollOwners)
              .where(and(eq(rollOwners.meetingId, meeting.id), eq(rollOwners.id, after)))
          )[0])
        : undefined;
      const start = last ? matching.filter((o) => rollOrder(o, last) <= 0).length : 0;
      const page = matching.slice(start, start + limit);
      const paperOf = await ballotPapers(
        ctx,
        meeting.id,
        await motionsOf(ctx, meeting.id),
        page.map((o) => o.id),
      );
      return c.json(
        {
          items: page.map((o) => ({ ...o, voted: voted.has(o.id), motionIds: paperOf(o.id).map((m) => m.id) })),
          nextCursor: start + limit < matching.length ? encodeCursor(page.at(-1)!.id) : null,
          matched: matching.length,
          from: page.length ? start + 1 : 0,
          buildings: buildings.map((b) => b.name).sort(compareNatural),
        },
        200,
      );
    })
    .openapi(enter, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await openMeeting(ctx, c.req.valid('param').meetingId);
      const input = c.req.valid('json');
      const owner = await loadRollOwner(ctx, meeting.id, input.rollOwnerId);
      const paperOf = await ballotPapers(ctx, meeting.id, await motionsOf(ctx, meeting.id), [owner.id]);
      const ballot = await enterOnBehalf(ctx, {
        meeting,
        rollOwnerId: owner.id,
        choices: input.wholeInvalid ? [] : checkChoices(paperOf(owner.id), input.choices, true),
        wholeInvalid: input.wholeInvalid,
        channel: input.channel,
        receivedAt: new Date(input.receivedAt),
        paperRef: input.paperRef || null,
        proxy:
          input.channel === 'proxy'
            ? { holder: input.proxyName, documentId: input.proxyDocumentId!, limit: ctx.settings.proxyLimit }
            : null,
      });
      await ctx.audit.append({
        action: 'ballot_entered',
        targetType: 'voting_ballot',
        targetId: ballot.id,
        details: {
          meetingId: meeting.id,
          channel: input.channel,
          paperRef: input.paperRef,
          receivedAt: input.receivedAt,
          wholeInvalid: input.wholeInvalid,
          owner: owner.label,
        },
      });
      return c.json(receiptOf(ballot), 201);
    })
    .openapi(pending, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await openMeeting(ctx, c.req.valid('param').meetingId);
      const rows = await ctx.db
        .select({ ballot: ballots, label: rollOwners.label })
        .from(ballots)
        .innerJoin(rollOwners, eq(rollOwners.id, ballots.rollOwnerId))
        .where(and(eq(ballots.meetingId, meeting.id), eq(ballots.status, 'pending')))
        .orderBy(asc(ballots.createdAt));
      const items = rows.map(({ ballot: b, label }) => ({
        id: b.id,
        rollOwnerId: b.rollOwnerId,
        label,
        channel: b.channel as 'paper' | 'proxy',
        paperRef: b.paperRef,
        proxyName: b.proxyName,
        proxyDocumentId: b.proxyDocumentId,
        receivedAt: b.receivedAt?.toISOString() ?? null,
        wholeInvalid: b.wholeInvalid,
        choices: b.choices as unknown as ChoiceInput[],
        enteredByName: b.enteredByName ?? '',
        enteredByMe: b.enteredBy === ctx.actor!.id,
        createdAt: b.createdAt.toISOString(),
      }));
      return c.json({ items }, 200);
    })
    .openapi(confirm, async (c) => {
      const ctx = c.get('plugin');
      const { meetingId, ballotId } = c.req.valid('param');
      const meeting = await openMeeting(ctx, meetingId);
      if (meeting.status !== 'open') throw fail('not_open');
      const ballot = await confirmEntry(ctx, meeting, ballotId);
      await ctx.audit.append({
        action: 'ballot_confirmed',
        targetType: 'voting_ballot',
        targetId: ballot.id,
        details: { meetingId: meeting.id, seq: ballot.seq },
      });
      return c.json(receiptOf(ballot), 200);
    })
    .openapi(reject, async (c) => {
      const ctx = c.get('plugin');
      const { meetingId, ballotId } = c.req.valid('param');
      const meeting = await openMeeting(ctx, meetingId);
      await rejectEntry(ctx, meeting, ballotId);
      await ctx.audit.append({
        action: 'ballot_rejected',
        targetType: 'voting_ballot',
        targetId: ballotId,
        details: { meetingId: meeting.id },
      });
      return c.body(null, 204);
    })
    .openapi(chain, async (c) => {
      const ctx = c.get('plugin');
      const meeting = await openMeeting(ctx, c.req.valid('param').meetingId);
      return c.json(await checkChain(ctx, meeting), 200);
    });
