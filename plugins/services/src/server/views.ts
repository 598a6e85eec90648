import { decodeCursor, page, type PluginDb } from '@city/plugin-sdk/server';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { admissions, orders, reviews, type slots } from '../schema.ts';

type AdmissionRow = typeof admissions.$inferSelect;
type OrderRow = typeof orders.$inferSelect;
type SlotRow = typeof slots.$inferSelect;

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export const servicePoint = (row: Pick<AdmissionRow, 'pointAddress' | 'pointHours'>) =>
  row.pointAddress ? { address: row.pointAddress, hours: row.pointHours ?? '' } : null;

export const admissionView = (row: AdmissionRow, tenantSlug: string | null) => ({
  tenantId: row.tenantId,
  tenantSlug,
  tenantName: row.tenantName,
  status: row.status,
  note: row.note,
  appliedAt: iso(row.appliedAt),
  decidedAt: isoOrNull(row.decidedAt),
  decidedByName: row.decidedByName,
  reason: row.reason,
  servicePoint: servicePoint(row),
});

export const slotView = (row: SlotRow) => ({
  id: row.id,
  startsAt: iso(row.startsAt),
  endsAt: iso(row.endsAt),
  capacity: row.capacity,
  booked: row.booked,
  remaining: row.capacity - row.booked,
});

export const orderView = (row: OrderRow, reviewed: boolean) => ({
  id: row.id,
  organisationId: row.organisationId,
  vendorName: row.vendorName,
  tenantId: row.tenantId,
  tenantName: row.tenantName,
  offeringId: row.offeringId,
  offeringTitle: row.offeringTitle,
  residentName: row.residentName,
  address: row.address,
  contactPhone: row.contactPhone,
  notes: row.notes,
  priceFen: row.priceFen,
  priceUnit: row.priceUnit,
  quantity: row.quantity,
  amountFen: row.amountFen,
  slotStartsAt: iso(row.slotStartsAt),
  slotEndsAt: iso(row.slotEndsAt),
  status: row.status,
  payment: { provider: row.paymentProvider, status: row.paymentStatus, reference: row.paymentReference },
  placedAt: iso(row.placedAt),
  updatedAt: iso(row.updatedAt),
  reviewed,
});

export const reviewView = (
  row: typeof reviews.$inferSelect,
  extra: { offeringTitle?: string; tenantName?: string } = {},
) => ({
  orderId: row.orderId,
  residentName: row.residentName,
  rating: row.rating,
  comment: row.comment,
  createdAt: iso(row.createdAt),
  reply: row.reply,
  repliedAt: isoOrNull(row.repliedAt),
  ...extra,
});

/** Rating sums and counts per vendor per neighbourhood, over the reviews the caller's policies show. */
export function ratingRows(db: PluginDb, where?: SQL) {
  return db
    .select({
      organisationId: reviews.organisationId,
      tenantId: reviews.tenantId,
      sum: sql<number>`sum(${reviews.rating})::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(reviews)
    .where(where)
    .groupBy(reviews.organisationId, reviews.tenantId);
}

/** The average (one decimal) and count of some of those rows: one neighbourhood's, or a vendor's across all. */
export function rating(rows: ReadonlyArray<{ sum: number; count: number }>) {
  const sum = rows.reduce((total, r) => total + r.sum, 0);
  const count = rows.reduce((total, r) => total + r.count, 0);
  return { average: count ? Math.round((sum * 10) / count) / 10 : null, count };
}

/** The admission row of one vendor in the current neighbourhood (or, for an organisation, in a given one). */
export async function admissionOf(db: PluginDb, organisationId: string, tenantId?: string) {
  const [row] = await db
    .select()
    .from(admissions)
    .where(
      and(eq(admissions.organisationId, organisationId), tenantId ? eq(admissions.tenantId, tenantId) : undefined),
    );
  return row;
}

/**
 * One page of orders, newest first, with whether each was reviewed: the resident's own and the vendor's inbox alike
 * (`where` narrows them; the caller's row policies decide what exists at all).
 */
export async function orderPage(db: PluginDb, where: SQL | undefined, cursor: string | undefined, size: number) {
  const after = decodeCursor(cursor);
  const rows = await db
    .select({ order: orders, reviewed: sql<boolean>`${reviews.orderId} is not null` })
    .from(orders)
    .leftJoin(reviews, eq(reviews.orderId, orders.id))
    .where(and(where, after ? lt(orders.id, after) : undefined))
    .orderBy(desc(orders.id))
    .limit(size + 1);
  return page(
    rows.map((r) => orderView(r.order, r.reviewed)),
    size,
  );
}
