import type { PluginDb } from '@city/plugin-sdk/server';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { orderEvents, orders, reviews, vendors } from '../schema.ts';
import { fail } from './errors.ts';
import { orderView, reviewView } from './views.ts';

/** An order with the vendor's phone, its history and review, as the API shows it. */
export function detailView(
  order: typeof orders.$inferSelect,
  vendorPhone: string,
  events: Array<typeof orderEvents.$inferSelect>,
  review?: typeof reviews.$inferSelect,
) {
  return {
    ...orderView(order, review !== undefined),
    vendorPhone,
    events: events.map((e) => ({
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorKind: e.actorKind,
      actorName: e.actorName,
      reason: e.reason,
      at: e.at.toISOString(),
    })),
    review: review ? reviewView(review) : null,
  };
}

/** One order with its history and review, as the caller's policies (and `mine`, for a resident) let them see it. */
export async function orderDetail(db: PluginDb, orderId: string, mine?: SQL) {
  const [order] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.id, orderId), mine));
  if (!order) throw fail('order_missing');
  const [review] = await db.select().from(reviews).where(eq(reviews.orderId, orderId));
  const [vendor] = await db
    .select({ phone: vendors.phone })
    .from(vendors)
    .where(eq(vendors.organisationId, order.organisationId));
  const events = await db
    .select()
    .from(orderEvents)
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(asc(orderEvents.at), asc(orderEvents.id));
  return detailView(order, vendor?.phone ?? '', events, review);
}
