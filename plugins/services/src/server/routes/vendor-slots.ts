import { ORGANISATION_MANAGERS } from '@city/contracts/values';
import { z } from '@hono/zod-openapi';
import { newId } from '@city/plugin-sdk/schema';
import { isForeignKeyViolation, jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, eq, gte, lte } from 'drizzle-orm';
import { SlotInputSchema, SlotSchema, WeeklySlotsInputSchema, WeeklySlotsResultSchema } from '../../contracts.ts';
import { slots } from '../../schema.ts';
import { beijingDate, weeklyTimes } from '../../weekly-slots.ts';
import { fail } from '../errors.ts';
import { slotView } from '../views.ts';
import { offeringParams, oneOffering } from '../vendor-offerings.ts';

const slotParams = z.object({ slotId: z.uuid() });

const addSlot = pluginRoute({
  method: 'post',
  path: '/offerings/{offeringId}/slots',
  summary: '新增可预约时段 / Add a bookable slot',
  access: ORGANISATION_MANAGERS,
  request: { params: offeringParams, body: jsonBody(SlotInputSchema) },
  responses: { 201: json(SlotSchema, 'Added') },
});
const addWeekly = pluginRoute({
  method: 'post',
  path: '/offerings/{offeringId}/slots/weekly',
  summary: '按周模板批量新增时段 / Add slots from a weekly template',
  description:
    '如周一至周五 9:00–11:00（北京时间）连续 4 周；已有同一开始时间的时段和已过去的时间跳过，重复提交不会重复建时段。',
  access: ORGANISATION_MANAGERS,
  request: { params: offeringParams, body: jsonBody(WeeklySlotsInputSchema) },
  responses: { 201: json(WeeklySlotsResultSchema, 'Added') },
});
const removeSlot = pluginRoute({
  method: 'delete',
  path: '/slots/{slotId}',
  summary: '删除无人预约的时段 / Remove a slot nobody booked',
  access: ORGANISATION_MANAGERS,
  request: { params: slotParams },
  responses: { 204: { description: 'Removed' }, 409: { description: 'Booked' } },
});

/** An offering's bookable slots: added ahead of time, removed only while nobody has booked them. */
export const vendorSlotRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(addSlot, async (c) => {
      const ctx = c.get('org');
      const { offeringId } = c.req.valid('param');
      await oneOffering(ctx, offeringId);
      const input = c.req.valid('json');
      if (new Date(input.startsAt) <= ctx.now()) throw fail('slot_past');
      const [row] = await ctx.db
        .insert(slots)
        .values({
          id: newId(),
          organisationId: ctx.organisation.id,
          offeringId,
          startsAt: new Date(input.startsAt),
          endsAt: new Date(input.endsAt),
          capacity: input.capacity,
          booked: 0,
          createdAt: ctx.now(),
        })
        .returning();
      return c.json(slotView(row!), 201);
    })
    .openapi(addWeekly, async (c) => {
      const ctx = c.get('org');
      const { offeringId } = c.req.valid('param');
      await oneOffering(ctx, offeringId);
      const input = c.req.valid('json');
      const now = ctx.now();
      const times = weeklyTimes({ ...input, from: input.from ?? beijingDate(now) });
      // Re-sending the same template (a double tap, the back button) finds its slots already there and adds none.
      // `times` is never empty: every week holds each weekday once.
      const [first, last] = [times[0]!, times.at(-1)!];
      const existing = await ctx.db
        .select({ startsAt: slots.startsAt })
        .from(slots)
        .where(
          and(
            eq(slots.offeringId, offeringId),
            gte(slots.startsAt, first.startsAt),
            lte(slots.startsAt, last.startsAt),
          ),
        );
      const taken = new Set(existing.map((s) => s.startsAt.getTime()));
      const fresh = times.filter((t) => t.startsAt > now && !taken.has(t.startsAt.getTime()));
      const created = fresh.length
        ? await ctx.db
            .insert(slots)
            .values(
              fresh.map((t) => ({
                id: newId(),
                organisationId: ctx.organisation.id,
                offeringId,
                ...t,
                capacity: input.capacity,
                booked: 0,
                createdAt: now,
              })),
            )
            .returning()
        : [];
      return c.json({ created: created.map(slotView), skipped: times.length - created.length }, 201);
    })
    .openapi(removeSlot, async (c) => {
      const ctx = c.get('org');
      const { slotId } = c.req.valid('param');
      // A slot whose orders were all cancelled has no seat taken but keeps its history: it stays.
      const removed = await ctx.db
        .transaction((db) =>
          db
            .delete(slots)
            .where(and(eq(slots.id, slotId), eq(slots.booked, 0)))
            .returning({ id: slots.id }),
        )
        .catch((error: unknown) => {
          if (isForeignKeyViolation(error)) throw fail('slot_booked');
          throw error;
        });
      if (removed.length) return c.body(null, 204);
      const [slot] = await ctx.db.select({ id: slots.id }).from(slots).where(eq(slots.id, slotId));
      throw fail(slot ? 'slot_booked' : 'slot_missing');
    });
