import type { Schema } from 'hono';
import { z } from '@hono/zod-openapi';
import { json, jsonBody, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  ClaimInputSchema,
  CommitmentDecisionSchema,
  CommitmentInputSchema,
  CommitmentSchema,
  YearQuerySchema,
} from '../contracts.ts';
import { commitments, members } from '../schema.ts';
import { COMMITMENT_STATUSES, OPEN_STATUSES } from '../values.ts';
import { BRANCH, runsBranch, type Ctx, type Settings } from './access.ts';
import { addPhoto, photoBody, photoIdsOf } from './photos.ts';
import { fail } from './errors.ts';
import { award, triggeredRule } from './ledger.ts';

const commitmentParams = z.object({ commitmentId: z.uuid({ error: 'invalid_format' }) });
const one = { 200: json(CommitmentSchema) };

const publish = pluginRoute({
  method: 'post',
  path: '/my/commitments',
  access: ['tenant:member'],
  summary: '公开承诺 / Publish a commitment for a year',
  request: { body: jsonBody(CommitmentInputSchema) },
  responses: { 201: json(CommitmentSchema, 'Published') },
});
const claim = pluginRoute({
  method: 'post',
  path: '/my/commitments/{commitmentId}/claim',
  access: ['tenant:member'],
  summary: '提交践诺情况 / Report a commitment fulfilled, with evidence',
  request: { params: commitmentParams, body: jsonBody(ClaimInputSchema) },
  responses: one,
});
const withdraw = pluginRoute({
  method: 'post',
  path: '/my/commitments/{commitmentId}/withdrawal',
  access: ['tenant:member'],
  summary: '撤回承诺 / Withdraw a commitment not yet confirmed',
  request: { params: commitmentParams },
  responses: one,
});
const list = pluginRoute({
  method: 'get',
  path: '/branch/commitments',
  access: BRANCH,
  summary: '党员承诺 / The members’ commitments',
  request: { query: YearQuerySchema.extend({ status: z.enum(COMMITMENT_STATUSES).optional() }) },
  responses: { 200: json(z.object({ items: z.array(CommitmentSchema) })) },
});
const addCommitmentPhoto = pluginRoute({
  method: 'post',
  path: '/my/commitments/{commitmentId}/photos',
  access: ['tenant:member'],
  summary: '践诺照片（≤1 MB，最多 6 张）/ A photo as evidence (1 MB, six at most)',
  request: { params: commitmentParams, body: photoBody },
  responses: { 201: json(z.object({ id: z.uuid() }), 'Uploaded') },
});
const decide = pluginRoute({
  method: 'post',
  path: '/branch/commitments/{commitmentId}/decision',
  access: BRANCH,
  summary: '确认践诺或退回 / Confirm a fulfilment, or return it',
  request: { params: commitmentParams, body: jsonBody(CommitmentDecisionSchema) },
  responses: one,
});

export async function commitmentViews(ctx: Ctx, rows: Array<typeof commitments.$inferSelect>) {
  const ids = [...new Set(rows.map((r) => r.memberId))];
  const names = ids.length
    ? new Map(
        (await ctx.db.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, ids))).map(
          (m) => [m.id, m.name],
        ),
      )
    : new Map<string, string>();
  const photosOf = await photoIdsOf(
    ctx,
    'commitment',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    partyMemberId: r.memberId,
    memberName: names.get(r.memberId) ?? '',
    year: r.year,
    title: r.title,
    body: r.body,
    status: r.status,
    evidence: r.evidence,
    publishedAt: r.publishedAt.toISOString(),
    claimedAt: r.claimedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedByName: r.decidedByName,
    photoIds: photosOf(r.id),
  }));
}

/** A commitment's photos are its member's and the branch's to see; only its member adds or removes them. */
export const commitmentPhotoWriter = async (ctx: Ctx, commitmentId: string) => {
  const [row] = await ctx.db
    .select({ id: commitments.id })
    .from(commitments)
    .innerJoin(members, eq(members.id, commitments.memberId))
    .where(and(eq(commitments.id, commitmentId), eq(members.userId, ctx.actor!.id)));
  return !!row;
};
export const commitmentPhotoReader = async (ctx: Ctx, commitmentId: string) =>
  runsBranch(ctx)
    ? (await ctx.db.select({ id: commitments.id }).from(commitments).where(eq(commitments.id, commitmentId))).length > 0
    : commitmentPhotoWriter(ctx, commitmentId);

/** The caller's registration with this branch, confirmed (only confirmed members commit and earn points). */
export async function myMembership(ctx: Ctx) {
  const [member] = await ctx.db
    .select()
    .from(members)
    .where(and(eq(members.userId, ctx.actor!.id), inArray(members.status, OPEN_STATUSES)));
  if (!member) throw fail('not_registered');
  if (member.status !== 'confirmed') throw fail('not_a_member');
  return member;
}

async function loadCommitment(ctx: Ctx, id: string, memberId?: string) {
  const [row] = await ctx.db
    .select()
    .from(commitments)
    .where(and(eq(commitments.id, id), memberId ? eq(commitments.memberId, memberId) : undefined));
  if (!row) throw fail('commitment_missing');
  return row;
}

async function viewOf(ctx: Ctx, id: string) {
  return (await commitmentViews(ctx, [await loadCommitment(ctx, id)]))[0]!;
}

export const commitmentRoutes = <S extends Schema>(router: PluginRouter<Settings, S>) =>
  router
    .openapi(publish, async (c) => {
      const ctx = c.get('plugin');
      const member = await myMembership(ctx);
      const input = c.req.valid('json');
      const [row] = await ctx.db
        .insert(commitments)
        .values({ tenantId: ctx.tenant.id, memberId: member.id, ...input, status: 'published', publishedAt: ctx.now() })
        .returning({ id: commitments.id });
      return c.json(await viewOf(ctx, row!.id), 201);
    })
    .openapi(claim, async (c) => {
      const ctx = c.get('plugin');
      const member = await myMembership(ctx);
      const row = await loadCommitment(ctx, c.req.valid('param').commitmentId, member.id);
      if (row.status !== 'published') throw fail('commitment_state');
      await ctx.db
        .update(commitments)
        .set({ status: 'claimed', evidence: c.req.valid('json').evidence, claimedAt: ctx.now() })
        .where(eq(commitments.id, row.id));
      return c.json(await viewOf(ctx, row.id), 200);
    })
    .openapi(withdraw, async (c) => {
      const ctx = c.get('plugin');
      const member = await myMembership(ctx);
      const row = await loadCommitment(ctx, c.req.valid('param').commitmentId, member.id);
      if (row.status !== 'published' && row.status !== 'claimed') throw fail('commitment_state');
      await ctx.db
        .update(commitments)
        .set({ status: 'withdrawn', decidedAt: ctx.now() })
        .where(eq(commitments.id, row.id));
      return c.json(await viewOf(ctx, row.id), 200);
    })
    .openapi(addCommitmentPhoto, async (c) => {
      const ctx = c.get('plugin');
      const member = await myMembership(ctx);
      const row = await loadCommitment(ctx, c.req.valid('param').commitmentId, member.id);
      if (row.status !== 'published' && row.status !== 'claimed') throw fail('commitment_state');
      return c.json({ id: await addPhoto(ctx, 'commitment', row.id, await c.req.arrayBuffer()) }, 201);
    })
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      const { status, year } = c.req.valid('query');
      const rows = await ctx.db
        .select()
        .from(commitments)
        .where(and(status ? eq(commitments.status, status) : undefined, year ? eq(commitments.year, year) : undefined))
        .orderBy(desc(commitments.publishedAt));
      return c.json({ items: await commitmentViews(ctx, rows) }, 200);
    })
    .openapi(decide, async (c) => {
      const ctx = c.get('plugin');
      const input = c.req.valid('json');
      const row = await loadCommitment(ctx, c.req.valid('param').commitmentId);
      if (row.status !== 'claimed') throw fail('commitment_state');
      const decided = { decidedAt: ctx.now(), decidedByName: ctx.actor!.displayName };
      if (input.action === 'return') {
        await ctx.db
          .update(commitments)
          .set({ status: 'published', evidence: '', claimedAt: null, ...decided })
          .where(eq(commitments.id, row.id));
        await ctx.audit.append({
          action: 'commitment_returned',
          targetType: 'party_commitment',
          targetId: row.id,
          details: { note: input.note },
        });
        return c.json(await viewOf(ctx, row.id), 200);
      }
      await ctx.db
        .update(commitments)
        .set({ status: 'fulfilled', ...decided })
        .where(eq(commitments.id, row.id));
      await ctx.audit.append({ action: 'commitment_fulfilled', targetType: 'party_commitment', targetId: row.id });
      // 践诺 earns the scheme's points, where the branch keeps such a rule and the member is under its cap.
      const rule = await triggeredRule(ctx, 'commitment');
      if (rule)
        await award(ctx, {
          memberId: row.memberId,
          rule,
          reason: row.title,
          source: `commitment:${row.id}`,
          whenRoom: true,
        });
      return c.json(await viewOf(ctx, row.id), 200);
    });
