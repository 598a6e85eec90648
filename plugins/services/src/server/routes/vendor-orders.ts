import { ORGANISATION_MANAGERS } from '@city/contracts/values';
import { z } from '@hono/zod-openapi';
import { jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import {
  DashboardSchema,
  OrderDetailSchema,
  OrderPageSchema,
  ReplyInputSchema,
  ReviewSchema,
  TransitionInputSchema,
  VendorOrderQuerySchema,
} from '../../contracts.ts';
import { admissions, orders, reviews } from '../../schema.ts';
import { fail } from '../errors.ts';
import { tellResident } from '../notify.ts';
import { transition } from '../orders.ts';
import { orderDetail } from '../order-detail.ts';
import { orderPage, rating, ratingRows, reviewView } from '../views.ts';

const PAGE = 50;
const orderParams = z.object({ orderId: z.uuid() });

const inbox = pluginRoute({
  method: 'get',
  path: '/orders',
  summary: '订单（各小区合并，可轮询新订单）/ Orders across neighbourhoods (poll with changedSince)',
  access: ['org:member'],
  request: { query: VendorOrderQuerySchema },
  responses: { 200: json(OrderPageSchema) },
});
const show = pluginRoute({
  method: 'get',
  path: '/orders/{orderId}',
  summary: '订单详情与记录 / An order with its history',
  access: ['org:member'],
  request: { params: orderParams },
  responses: { 200: json(OrderDetailSchema) },
});
const move = pluginRoute({
  method: 'post',
  path: '/orders/{orderId}/transition',
  summary: '接单、拒单、开始服务、完成、取消 / Accept, decline, start, complete or cancel',
  access: ['org:member'],
  request: { params: orderParams, body: jsonBody(TransitionInputSchema) },
  responses: { 200: json(OrderDetailSchema), 409: { description: 'Not allowed now' } },
});
const reviewList = pluginRoute({
  method: 'get',
  path: '/reviews',
  summary: '收到的评价 / Reviews received',
  access: ['org:member'],
  responses: { 200: json(z.object({ items: z.array(ReviewSchema) })) },
});
const reply = pluginRoute({
  method: 'post',
  path: '/reviews/{orderId}/reply',
  summary: '回复评价（一次）/ Answer a review (once)',
  access: ORGANISATION_MANAGERS,
  request: { params: orderParams, body: jsonBody(ReplyInputSchema) },
  responses: { 200: json(ReviewSchema), 409: { description: 'Already answered' } },
});
const dashboard = pluginRoute({
  method: 'get',
  path: '/dashboard',
  summary: '各小区经营概况 / My neighbourhoods at a glance',
  access: ['org:member'],
  responses: { 200: json(DashboardSchema) },
});

/** The vendor's side of orders: one inbox for all its neighbourhoods, moves, reviews and their answers. */
export const vendorOrderRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(inbox, async (c) => {
      const ctx = c.get('org');
      const query = c.req.valid('query');
      const changedSince = query.changedSince ? new Date(query.changedSince) : undefined;
      const where = and(
        eq(orders.organisationId, ctx.organisation.id),
        query.status ? eq(orders.status, query.status) : undefined,
        query.tenantId ? eq(orders.tenantId, query.tenantId) : undefined,
        changedSince ? gt(orders.updatedAt, changedSince) : undefined,
      );
      return c.json(await orderPage(ctx.db, where, query.cursor, PAGE), 200);
    })
    .openapi(show, async (c) => {
      const ctx = c.get('org');
      return c.json(await orderDetail(ctx.db, c.req.valid('param').orderId), 200);
    })
    .openapi(move, async (c) => {
      const ctx = c.get('org');
      const { orderId } = c.req.valid('param');
      const [order] = await ctx.db.select().from(orders).where(eq(orders.id, orderId));
      if (!order) throw fail('order_missing');
      const { to, reason } = c.req.valid('json');
      const moved = await transition(
        ctx.db,
        order,
        to,
        { kind: 'vendor', id: ctx.actor.id, name: `${ctx.organisation.name} ${ctx.actor.displayName}` },
        { now: ctx.now(), reason },
      );
      await tellResident(ctx, moved, to, reason);
      return c.json(await orderDetail(ctx.db, orderId), 200);
    })
    .openapi(reviewList, async (c) => {
      const ctx = c.get('org');
      const rows = await ctx.db
        .select({ review: reviews, offeringTitle: orders.offeringTitle, tenantName: orders.tenantName })
        .from(reviews)
        .innerJoin(orders, eq(orders.id, reviews.orderId))
        .orderBy(desc(reviews.createdAt))
        .limit(200);
      return c.json(
        { items: rows.map((r) => reviewView(r.review, { offeringTitle: r.offeringTitle, tenantName: r.tenantName })) },
        200,
      );
    })
    .openapi(reply, async (c) => {
      const ctx = c.get('org');
      const { orderId } = c.req.valid('param');
      const [row] = await ctx.db
        .update(reviews)
        .set({ reply: c.req.valid('json').reply, repliedAt: ctx.now(), repliedByName: ctx.actor.displayName })
        .where(and(eq(reviews.orderId, orderId), isNull(reviews.reply)))
        .returning();
      if (row) return c.json(reviewView(row), 200);
      const [exists] = await ctx.db.select({ id: reviews.orderId }).from(reviews).where(eq(reviews.orderId, orderId));
      throw fail(exists ? 'already_replied' : 'review_missing');
    })
    .openapi(dashboard, async (c) => {
      const ctx = c.get('org');
      const standing = await ctx.db.select().from(admissions).orderBy(asc(admissions.tenantName));
      const counts = await ctx.db
        .select({
          tenantId: orders.tenantId,
          placed: sql<number>`count(*) filter (where ${orders.status} = 'placed')::int`,
          inProgress: sql<number>`count(*) filter (where ${orders.status} in ('accepted', 'in_service'))::int`,
          completed: sql<number>`count(*) filter (where ${orders.status} = 'completed')::int`,
          cancelled: sql<number>`count(*) filter (where ${orders.status} in ('declined', 'cancelled'))::int`,
          total: sql<number>`count(*)::int`,
          revenueFen: sql<number>`coalesce(sum(${orders.amountFen}) filter (where ${orders.paymentStatus} = 'paid'), 0)::int`,
        })
        .from(orders)
        .groupBy(orders.tenantId);
      const byTenant = new Map(counts.map((r) => [r.tenantId, r]));
      const NONE = { placed: 0, inProgress: 0, completed: 0, cancelled: 0, total: 0, revenueFen: 0 };
      const ratingsByTenant = Map.groupBy(await ratingRows(ctx.db), (r) => r.tenantId);
      const neighbourhoods = standing.map((a) => {
        const { placed, inProgress, completed, cancelled, total, revenueFen } = byTenant.get(a.tenantId) ?? NONE;
        return {
          tenantId: a.tenantId,
          tenantName: a.tenantName,
          status: a.status,
          orders: { placed, inProgress, completed, cancelled, total },
          revenueFen,
          rating: rating(ratingsByTenant.get(a.tenantId) ?? []),
        };
      });
      return c.json({ neighbourhoods }, 200);
    });
