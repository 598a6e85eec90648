import { z } from '@hono/zod-openapi';
import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, eq } from 'drizzle-orm';
import {
  CancelInputSchema,
  ComplaintInputSchema,
  ComplaintSchema,
  OrderDetailSchema,
  OrderInputSchema,
  OrderPageSchema,
  ReviewInputSchema,
  ReviewSchema,
} from '../../contracts.ts';
import { complaints, orders, reviews } from '../../schema.ts';
import { fail } from '../errors.ts';
import { detailView, orderDetail } from '../order-detail.ts';
import { tellBusiness } from '../notify.ts';
import { placeOrder, transition } from '../orders.ts';
import { complaintView } from '../complaints.ts';
import { orderPage, reviewView } from '../views.ts';

const PAGE = 20;
const orderParams = z.object({ orderId: z.uuid() });

const place = pluginRoute({
  method: 'post',
  path: '/orders',
  summary:
    '预约下单（已认证住户，支持 Idempotency-Key）/ Order a service (verified residents; honours Idempotency-Key)',
  description: '费用为整数分，服务完成后线下支付。同一 Idempotency-Key 重复提交返回同一订单。',
  access: ['tenant:member'],
  request: {
    headers: z.object({ 'idempotency-key': z.string().min(1).max(100).optional() }),
    body: jsonBody(OrderInputSchema),
  },
  responses: {
    201: json(OrderDetailSchema, 'Placed (or the same order again, for a repeated key)'),
    409: { description: 'Slot full, or key reused' },
  },
});
const mine = pluginRoute({
  method: 'get',
  path: '/orders',
  summary: '我的订单 / My orders',
  access: ['tenant:member'],
  request: { query: z.object({ cursor: z.string().max(200).optional() }) },
  responses: { 200: json(OrderPageSchema) },
});
const show = pluginRoute({
  method: 'get',
  path: '/orders/{orderId}',
  summary: '我的订单详情 / One of my orders',
  access: ['tenant:member'],
  request: { params: orderParams },
  responses: { 200: json(OrderDetailSchema) },
});
const cancel = pluginRoute({
  method: 'post',
  path: '/orders/{orderId}/cancel',
  summary: '取消订单（服务开始前）/ Cancel (before the slot starts)',
  access: ['tenant:member'],
  request: { params: orderParams, body: jsonBody(CancelInputSchema) },
  responses: { 200: json(OrderDetailSchema), 409: { description: 'Too late' } },
});
const review = pluginRoute({
  method: 'post',
  path: '/orders/{orderId}/review',
  summary: '评价已完成的订单（一次）/ Review a completed order (once)',
  access: ['tenant:member'],
  request: { params: orderParams, body: jsonBody(ReviewInputSchema) },
  responses: {
    201: json(ReviewSchema, 'Reviewed'),
    409: { description: 'Not completed, or already reviewed' },
  },
});
const complain = pluginRoute({
  method: 'post',
  path: '/orders/{orderId}/complaint',
  summary: '投诉（交小区管理员处理）/ Complain to the neighbourhood admin',
  access: ['tenant:member'],
  request: { params: orderParams, body: jsonBody(ComplaintInputSchema) },
  responses: { 201: json(ComplaintSchema, 'Recorded') },
});

/** A resident's own orders: only rows they placed, whatever else the neighbourhood holds. */
export const myOrderRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(place, async (c) => {
      const ctx = c.get('plugin');
      const placed = await placeOrder(ctx, c.req.valid('json'), c.req.valid('header')['idempotency-key'] ?? null);
      if (placed.replayed) {
        // A repeated key answers the order as it is now (it may have moved on since).
        c.header('Idempotent-Replayed', 'true');
        return c.json(await orderDetail(ctx.db, placed.order.id), 201);
      }
      await tellBusiness(ctx, placed.order, 'placed');
      // A new order is all in the rows just written: no review yet, one history row.
      return c.json(detailView(placed.order, placed.vendorPhone, [placed.event]), 201);
    })
    .openapi(mine, async (c) => {
      const ctx = c.get('plugin');
      const mine = and(eq(orders.tenantId, ctx.tenant.id), eq(orders.residentId, ctx.actor!.id));
      return c.json(await orderPage(ctx.db, mine, c.req.valid('query').cursor, PAGE), 200);
    })
    .openapi(show, async (c) => {
      const ctx = c.get('plugin');
      return c.json(await orderDetail(ctx.db, c.req.valid('param').orderId, eq(orders.residentId, ctx.actor!.id)), 200);
    })
    .openapi(cancel, async (c) => {
      const ctx = c.get('plugin');
      const { orderId } = c.req.valid('param');
      const actor = ctx.actor!;
      const [order] = await ctx.db
        .select()
        .from(orders)
        .where(and(eq(orders.id, orderId), eq(orders.residentId, actor.id)));
      if (!order) throw fail('order_missing');
      const moved = await transition(
        ctx.db,
        order,
        'cancelled',
        { kind: 'resident', id: actor.id, name: actor.displayName },
        { now: ctx.now(), reason: c.req.valid('json').reason },
      );
      await tellBusiness(ctx, moved, 'cancelled');
      return c.json(await orderDetail(ctx.db, orderId), 200);
    })
    .openapi(review, async (c) => {
      const ctx = c.get('plugin');
      const { orderId } = c.req.valid('param');
      const actor = ctx.actor!;
      const [order] = await ctx.db
        .select()
        .from(orders)
        .where(and(eq(orders.id, orderId), eq(orders.residentId, actor.id)));
      if (!order) throw fail('order_missing');
      if (order.status !== 'completed') throw fail('not_completed');
      const input = c.req.valid('json');
      try {
        const [row] = await ctx.db.transaction((db) =>
          db
            .insert(reviews)
            .values({
              orderId,
              tenantId: order.tenantId,
              organisationId: order.organisationId,
              residentName: actor.displayName,
              rating: input.rating,
              comment: input.comment,
              createdAt: ctx.now(),
            })
            .returning(),
        );
        return c.json(reviewView(row!), 201);
      } catch (error) {
        if (isUniqueViolation(error)) throw fail('already_reviewed');
        throw error;
      }
    })
    .openapi(complain, async (c) => {
      const ctx = c.get('plugin');
      const { orderId } = c.req.valid('param');
      const actor = ctx.actor!;
      const [order] = await ctx.db
        .select()
        .from(orders)
        .where(and(eq(orders.id, orderId), eq(orders.residentId, actor.id)));
      if (!order) throw fail('order_missing');
      let [row] = await ctx.db
        .insert(complaints)
        .values({
          id: newId(),
          tenantId: order.tenantId,
          organisationId: order.organisationId,
          orderId,
          residentId: actor.id,
          residentName: actor.displayName,
          vendorName: order.vendorName,
          body: c.req.valid('json').body,
          status: 'open',
          createdAt: ctx.now(),
        })
        .returning();
      // Into the core's feedback loop (码上提) as the resident's own report, in the same transaction: staff sort and
      // assign it, the clock runs. An install from before the scope existed keeps complaints to itself.
      if (ctx.granted('feedback:create')) {
        const report = await ctx.feedback.open({
          key: row!.id,
          body: `投诉「${order.vendorName}」（${order.offeringTitle}）：${row!.body}`,
          about: { organisationId: order.organisationId, name: order.vendorName },
        });
        [row] = await ctx.db
          .update(complaints)
          .set({ feedbackNumber: report.number, feedbackLink: report.link })
          .where(eq(complaints.id, row!.id))
          .returning();
      }
      // Ids only: the outbox keeps delivered events a week, and the resident's words must go when they are erased.
      await ctx.events.emit('complaint_filed', {
        complaintId: row!.id,
        orderId,
        organisationId: order.organisationId,
      });
      return c.json(complaintView(row!, order.offeringTitle), 201);
    });
