import { sha256Hex } from '@city/plugin-sdk/hashing';
import { newId } from '@city/plugin-sdk/schema';
import type { PluginContext, PluginDb } from '@city/plugin-sdk/server';
import { and, eq, getTableColumns, sql, type Column } from 'drizzle-orm';
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

/** What makes two requests "the same order" for Idempotency-Key. */
const requestHash = (input: OrderInput) =>
  sha256Hex(
    JSON.stringify([input.offeringId, input.slotId, input.unitId, input.quantity, input.contactPhone, input.notes]),
  );

/** The order a key made (what a replay needs of it). */
async function byKey(db: PluginDb, residentId: string, key: string) {
  const [row] = await db
    .select({ id: orders.id, requestHash: orders.requestHash })
    .from(orders)
    .where(and(eq(orders.residentId, residentId), eq(orders.idempotencyKey, key)));
  return row;
}

/** A repeated key answers the order it made, if the request is the same; another request under it is refused. */
function replay(existing: { id: string; requestHash: string }, hash: string) {
  if (existing.requestHash !== hash) throw fail('idempotency_mismatch');
  return { order: existing, replayed: true as const };
}

/** Why a slot took no seat: started, or full. */
const slotRefusal = (slot: { startsAt: Date }, now: Date) => fail(slot.startsAt <= now ? 'slot_past' : 'slot_full');

// An order's columns in the schema's order, for the write's INSERT: its text is the same for every order.
const ORDER_COLUMNS = Object.entries(getTableColumns(orders)) as Array<[keyof OrderRow, Column]>;
const orderColumnNames = sql.raw(ORDER_COLUMNS.map(([, column]) => `"${column.name}"`).join(', '));
const orderValues = (order: OrderRow) =>
  sql.join(
    ORDER_COLUMNS.map(([key, column]) => sql.param(order[key], column)),
    sql`, `,
  );

/**
 * A verified resident orders a listed offering of an admitted vendor for a slot, at one of their homes.
 *
 * Two statements of the plugin's own. One read finds what the key already made beside the offering, its vendor and
 * the slot; a slot it finds full or started is refused there, before the caller's homes are asked for. One write then
 * inserts the order under its Idempotency-Key (`on conflict do nothing`: of two requests with one key, the second
 * waits for the first and then answers its order), takes the seat only for an order it inserted, by a conditional
 * UPDATE (`booked + n <= capacity`: concurrent orders queue on the slot's row and each sees the count its predecessor
 * left, so a slot is never oversold — the table's CHECK would refuse it if it were), and records the history row beside
 * a seat taken. An order without a seat throws, which rolls it back. The write is written as text rather than built
 * (building the CTEs cost more than half a millisecond of CPU per order) and answers only what it did: the answer is
 * the rows as the request wrote them.
 */
export async function placeOrder(ctx: PluginContext, input: OrderInput, idempotencyKey: string | null) {
  const actor = ctx.actor!;
  if (!actor.verified) throw fail('not_verified');
  const hash = requestHash(input);
  const key = idempotencyKey ?? newId();
  const [found] = await ctx.db
    .select({
      existing: { id: orders.id, requestHash: orders.requestHash },
      offering: {
        organisationId: offerings.organisationId,
        title: offerings.title,
        priceFen: offerings.priceFen,
        priceUnit: offerings.priceUnit,
      },
      vendor: { name: vendors.name, phone: vendors.phone },
      slot: { startsAt: slots.startsAt, endsAt: slots.endsAt, booked: slots.booked, capacity: slots.capacity },
    })
    // One row whatever exists: the key's order and the offering are looked up side by side.
    .from(sql`(select) as probe`)
    .leftJoin(
      orders,
      and(eq(orders.tenantId, ctx.tenant.id), eq(orders.residentId, actor.id), eq(orders.idempotencyKey, key)),
    )
    .leftJoin(offerings, and(eq(offerings.id, input.offeringId), eq(offerings.status, 'active')))
    .leftJoin(listings, and(eq(listings.tenantId, ctx.tenant.id), eq(listings.offeringId, offerings.id)))
    .leftJoin(
      admissions,
      and(
        eq(admissions.tenantId, ctx.tenant.id),
        eq(admissions.organisationId, listings.organisationId),
        eq(admissions.status, 'admitted'),
      ),
    )
    .leftJoin(vendors, eq(vendors.organisationId, admissions.organisationId))
    .leftJoin(slots, and(eq(slots.id, input.slotId), eq(slots.offeringId, offerings.id)));
  if (found?.existing) return replay(found.existing, hash);

  // The vendor is the end of the chain offering → listing here → admission here.
  if (!found?.offering || !found.vendor) throw fail('offering_missing');
  if (!found.slot) throw fail('slot_missing');
  const { offering, vendor, slot } = found;
  const now = ctx.now();
  if (slot.startsAt <= now || slot.booked + input.quantity > slot.capacity) throw slotRefusal(slot, now);
  const home = (await ctx.members.homes()).find((h) => h.unitId === input.unitId);
  if (!home) throw fail('not_your_home');

  const provider = payOnCompletionOffline;
  const id = newId();
  const { priceFen, priceUnit, title, organisationId } = offering;
  const payment = provider.placed({ id, amountFen: priceFen * input.quantity });
  const order: OrderRow = {
    id,
    tenantId: ctx.tenant.id,
    organisationId,
    offeringId: input.offeringId,
    slotId: input.slotId,
    residentId: actor.id,
    residentName: actor.displayName,
    unitId: home.unitId,
    address: home.address,
    contactPhone: input.contactPhone,
    notes: input.notes,
    offeringTitle: title,
    vendorName: vendor.name,
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
  };
  const event: typeof orderEvents.$inferSelect = {
    id: newId(),
    tenantId: order.tenantId,
    organisationId,
    orderId: id,
    fromStatus: null,
    toStatus: order.status,
    actorKind: 'resident',
    actorId: actor.id,
    actorName: actor.displayName,
    reason: null,
    at: now,
  };
  // Every driver answers `execute` with its rows (PluginDb leaves the result's type open).
  const { rows } = (await ctx.db.execute(sql`with "placed" as (insert into ${orders} (${orderColumnNames})
      values (${orderValues(order)})
      on conflict (tenant_id, resident_id, idempotency_key) do nothing
      returning id
    ), "seated" as (
      update ${slots} set booked = booked + ${input.quantity}
      where id = ${input.slotId} and booked + ${input.quantity} <= capacity and starts_at > ${sql.param(now, slots.startsAt)}
        and exists (select from "placed")
      returning id
    ), "recorded" as (
      insert into ${orderEvents} (id, tenant_id, organisation_id, order_id, to_status, actor_kind, actor_id, actor_name, at)
      select ${event.id}::uuid, ${event.tenantId}::uuid, ${event.organisationId}::uuid, ${event.orderId}::uuid,
             ${event.toStatus}, ${event.actorKind}, ${event.actorId}::uuid, ${event.actorName},
             ${sql.param(now, orderEvents.at)}::timestamptz
      from "seated"
      returning id
    )
    select exists (select from "placed") as placed, exists (select from "recorded") as seated`)) as {
    rows: Array<{ placed: boolean; seated: boolean }>;
  };
  const [written] = rows;
  // Nothing inserted: a request with the same key committed its order while this one was on its way.
  if (!written?.placed) return replay((await byKey(ctx.db, actor.id, key))!, hash);
  if (!written.seated) throw slotRefusal(slot, now);
  return { order, replayed: false as const, vendorPhone: vendor.phone, event };
}

function record(
  db: PluginDb,
  order: OrderRow,
  from: OrderStatus | null,
  actor: { kind: Party; id: string; name: string },
  reason: string | null,
  at: Date,
) {
  return db
    .insert(orderEvents)
    .values({
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
    })
    .returning();
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
    await db
      .update(slots)
      .set({ booked: sql`${slots.booked} - ${order.quantity}` })
      .where(eq(slots.id, order.slotId));
  }
  await record(db, moved, order.status, actor, context.reason?.trim() || null, context.now);
  return moved;
}
