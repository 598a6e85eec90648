import { sha256Hex } from '@city/plugin-sdk/hashing';
import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation, type PluginContext, type PluginDb } from '@city/plugin-sdk/server';
import { and, eq, gt, sql } from 'drizzle-orm';
import { admissions, listings, offerings, orderEvents, orders, slots, vendors, type OrderStatus } from '../schema.ts';
import { fail } from './errors.ts';
import { check, HOLDS_SEAT, type Party } from '../order-states.ts';
import { payOnCompletionOffline, providerOf } from './payments.ts';

export interface OrderInput {
  offeringId: string;
  slotId: string;
  unitId: string;
  quantity: number;
  contactPhone: string;
  notes: string;
}

type OrderRow = typeof orders.$inferSelect;
const IDEMPOTENCY_KEY = 'services_orders_tenant_id_resident_id_idempotency_key_key';

/** What makes two requests "the same order" for Idempotency-Key. */
const requestHash = (input: OrderInput) =>
  sha256Hex(JSON.stringify([input.offeringId, input.slotId, input.unitId, input.quantity, input.contactPhone, input.notes]));

async function byKey(db: PluginDb, residentId: string, key: string) {
  const [row] = await db.select().from(orders).where(and(eq(orders.residentId, residentId), eq(orders.idempotencyKey, key)));
  return row;
}

/** A repeated key answers the order it made, if the request is the same; another request under it is refused. */
function replay(existing: OrderRow, hash: string) {
  if (existing.requestHash !== hash) throw fail('idempotency_mismatch');
  return { order: existing, replayed: true };
}

/** Why a slot took no seat: gone, started, or full. */
async function slotRefusal(db: PluginDb, input: OrderInput, now: Date) {
  const [slot] = await db.select().from(slots).where(and(eq(slots.id, input.slotId), eq(slots.offeringId, input.offeringId)));
  if (!slot) return fail('slot_missing');
  if (slot.startsAt <= now) return fail('slot_past');
  return fail('slot_full');
}

/**
 * A verified resident orders a listed offering of an admitted vendor for a slot, at one of their homes. The seat is
 * taken by one conditional UPDATE (`booked + n <= capacity`): concurrent orders queue on the slot's row and each sees
 * the count its predecessor left, so a slot is never oversold (and the table's CHECK would refuse it if it were).
 * The seat and the order are written in one savepoint: a request that loses an Idempotency-Key race gives its seat
 * back and answers the winner's order.
 */
export async function placeOrder(ctx: PluginContext, input: OrderInput, idempotencyKey: string | null) {
  const actor = ctx.actor!;
  if (!actor.verified) throw fail('not_verified');
  const hash = requestHash(input);
  const key = idempotencyKey ?? newId();
  const existing = await byKey(ctx.db, actor.id, key);
  if (existing) return replay(existing, hash);

  const home = (await ctx.members.homes()).find((h) => h.unitId === input.unitId);
  if (!home) throw fail('not_your_home');
  const [offering] = await ctx.db
    .select({ offering: offerings, vendorName: vendors.name })
    .from(offerings)
    .innerJoin(listings, and(eq(listings.tenantId, ctx.tenant.id), eq(listings.offeringId, offerings.id)))
    .innerJoin(
      admissions,
      and(eq(admissions.tenantId, ctx.tenant.id), eq(admissions.organisationId, listings.organisationId), eq(admissions.status, 'admitted')),
    )
    .innerJoin(vendors, eq(vendors.organisationId, listings.organisationId))
    .where(and(eq(offerings.id, input.offeringId), eq(offerings.status, 'active')));
  if (!offering) throw fail('offering_missing');

  const now = ctx.now();
  const provider = payOnCompletionOffline;
  const id = newId();
  try {
    return await ctx.db.transaction(async (db) => {
      const [slot] = await db
        .update(slots)
        .set({ booked: sql`${slots.booked} + ${input.quantity}` })
        .where(
          and(
            eq(slots.id, input.slotId),
            eq(slots.offeringId, input.offeringId),
            sql`${slots.booked} + ${input.quantity} <= ${slots.capacity}`,
            gt(slots.startsAt, now),
          ),
        )
        .returning();
      if (!slot) throw await slotRefusal(db, input, now);
      const { priceFen, priceUnit, title, organisationId } = offering.offering;
      const payment = provider.placed({ id, amountFen: priceFen * input.quantity });
      const [order] = await db
        .insert(orders)
        .values({
          id,
          tenantId: ctx.tenant.id,
          organisationId,
          offeringId: input.offeringId,
          slotId: slot.id,
          residentId: actor.id,
          residentName: actor.displayName,
          unitId: home.unitId,
          address: home.address,
          contactPhone: input.contactPhone,
          notes: input.notes,
          offeringTitle: title,
          vendorName: offering.vendorName,
          tenantName: ctx.tenant.name,
          priceFen,
          priceUnit,
          quantity: input.quantity,
          amountFen: priceFen * input.quantity,
          slotStartsAt: slot.startsAt,
          slotEndsAt: slot.endsAt,
          status: 'placed',
          paymentProvider: provider.id,
          paymentStatus: payment.status,
          paymentReference: payment.reference,
          idempotencyKey: key,
          requestHash: hash,
          placedAt: now,
          updatedAt: now,
        })
        .returning();
      await record(db, order!, null, { kind: 'resident', id: actor.id, name: actor.displayName }, null, now);
      return { order: order!, replayed: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error, IDEMPOTENCY_KEY)) throw error;
    return replay((await byKey(ctx.db, actor.id, key))!, hash);
  }
}

function record(db: PluginDb, order: OrderRow, from: OrderStatus | null, actor: { kind: Party; id: string; name: string }, reason: string | null, at: Date) {
  return db.insert(orderEvents).values({
    tenantId: order.tenantId,
    organisationId: order.organisationId,
    orderId: order.id,
    fromStatus: from,
    toStatus: order.status,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    reason,
    at,
  });
}

/**
 * Moves an order as `check` allows, recording who and when; an order leaving the seat-holding states gives its seats
 * back. The UPDATE names the state it read, so of two concurrent moves from one state only one happens (the other is
 * refused as invalid: the order has moved on).
 */
export async function transition(
  db: PluginDb,
  order: OrderRow,
  to: OrderStatus,
  actor: { kind: Party; id: string; name: string },
  context: { now: Date; reason?: string | undefined },
) {
  const refusal = check(order, to, actor.kind, context);
  if (refusal) throw fail(refusal);
  const provider = providerOf(order.paymentProvider);
  const payment =
    to === 'completed' ? provider.completed(order, context.now) : HOLDS_SEAT.has(to) ? null : provider.voided(order);
  const [moved] = await db
    .update(orders)
    .set({
      status: to,
      updatedAt: context.now,
      ...(payment ? { paymentStatus: payment.status, paymentReference: payment.reference } : {}),
    })
    .where(and(eq(orders.id, order.id), eq(orders.status, order.status)))
    .returning();
  if (!moved) throw fail('transition_invalid');
  if (HOLDS_SEAT.has(order.status) && !HOLDS_SEAT.has(to)) {
    await db.update(slots).set({ booked: sql`${slots.booked} - ${order.quantity}` }).where(eq(slots.id, order.slotId));
  }
  await record(db, moved, order.status, actor, context.reason?.trim() || null, context.now);
  return moved;
}
