import { z } from '@hono/zod-openapi';
import { anyOf, type OrganisationContext as Ctx } from '@city/plugin-sdk/server';
import { and, asc, desc, gt } from 'drizzle-orm';
import type { VendorOfferingSchema } from '../contracts.ts';
import { listings, offerings, slots, vendors } from '../schema.ts';
import { fail } from './errors.ts';
import { imageIdsOf } from './images.ts';
import { slotView } from './views.ts';

// What the vendor's offering, slot and photo routes share: who may change a catalogue, and an offering as they show it.
export const offeringParams = z.object({ offeringId: z.uuid() });

/** Offerings with where they are listed and their slots still to come. */
export async function offeringViews(ctx: Ctx, ids?: string[]) {
  const rows = await ctx.db
    .select()
    .from(offerings)
    .where(ids ? anyOf(offerings.id, ids) : undefined)
    .orderBy(desc(offerings.createdAt));
  if (!rows.length) return [];
  const offeringIds = rows.map((r) => r.id);
  const [vendor] = await ctx.db.select({ name: vendors.name }).from(vendors);
  const listed = Map.groupBy(
    await ctx.db.select().from(listings).where(anyOf(listings.offeringId, offeringIds)),
    (l) => l.offeringId,
  );
  const photos = await imageIdsOf(ctx.db, offeringIds);
  const upcoming = Map.groupBy(
    await ctx.db
      .select()
      .from(slots)
      .where(and(anyOf(slots.offeringId, offeringIds), gt(slots.endsAt, ctx.now())))
      .orderBy(asc(slots.startsAt)),
    (s) => s.offeringId,
  );
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisationId,
    vendorName: vendor?.name ?? ctx.organisation.name,
    title: r.title,
    description: r.description,
    category: r.category as z.infer<typeof VendorOfferingSchema>['category'],
    priceFen: r.priceFen,
    priceUnit: r.priceUnit,
    images: photos(r.id),
    status: r.status,
    tenantIds: (listed.get(r.id) ?? []).map((l) => l.tenantId),
    slots: (upcoming.get(r.id) ?? []).map(slotView),
  }));
}

export async function oneOffering(ctx: Ctx, id: string) {
  const [view] = await offeringViews(ctx, [id]);
  if (!view) throw fail('offering_missing');
  return view;
}
