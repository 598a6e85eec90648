import { z } from '@hono/zod-openapi';
import {
  anyOf,
  decodeCursor,
  fileResponse,
  json,
  page,
  pluginRoute,
  type PluginContext,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, asc, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm';
import { CATEGORIES, CATEGORY_IDS } from '../../categories.ts';
import { OfferingDetailSchema, OfferingPageSchema, OfferingQuerySchema } from '../../contracts.ts';
import { admissions, listings, offerings, orders, reviews, slots, vendors } from '../../schema.ts';
import { fail } from '../errors.ts';
import { imageFile, imageIdsOf } from '../images.ts';
import { rating, ratingRows, reviewView, servicePoint, slotView } from '../views.ts';

const PAGE = 20;

const list = pluginRoute({
  method: 'get',
  path: '/offerings',
  summary: '本小区的生活服务（可搜索、按类别）/ Services in this neighbourhood (search, by category)',
  access: ['tenant:member'],
  request: { query: OfferingQuerySchema },
  responses: { 200: json(OfferingPageSchema) },
});
const show = pluginRoute({
  method: 'get',
  path: '/offerings/{offeringId}',
  summary: '服务详情、可约时段与评价 / A service with its slots and reviews',
  access: ['tenant:member'],
  request: { params: z.object({ offeringId: z.uuid() }) },
  responses: { 200: json(OfferingDetailSchema) },
});

const image = pluginRoute({
  method: 'get',
  path: '/images/{imageId}',
  summary: '服务图片 / A photo of a service',
  access: ['tenant:member'],
  request: { params: z.object({ imageId: z.uuid() }) },
  responses: { 200: fileResponse('image/jpeg', 'The image (JPEG, PNG or WebP)') },
});

/**
 * Offerings residents here can order: listed here, active, by a vendor admitted here (a suspended vendor's offerings
 * disappear at once). The neighbourhood is named explicitly as well as by row-level security, so the plan uses the
 * `(tenant_id, …)` keys.
 */
function orderable(ctx: PluginContext) {
  return ctx.db
    .select({ offering: offerings, vendorName: vendors.name })
    .from(listings)
    .innerJoin(offerings, eq(offerings.id, listings.offeringId))
    .innerJoin(
      admissions,
      // On the listing's own (tenant, organisation) key: joined through offerings instead, the planner without
      // statistics multiplied admissions by listings and ran the row policies on every pair (~0.5 s for 200 rows).
      and(
        eq(admissions.tenantId, listings.tenantId),
        eq(admissions.organisationId, listings.organisationId),
        eq(admissions.status, 'admitted'),
      ),
    )
    .innerJoin(vendors, eq(vendors.organisationId, listings.organisationId))
    .$dynamic();
}

/**
 * Chinese has no spaces between words, so a search is substring matching: every term typed (split on spaces) must
 * occur in the title, description or vendor name — or name the category ("家政" finds housekeeping).
 */
function matches(q: string | undefined): SQL | undefined {
  const terms = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 5);
  const text = sql`lower(${offerings.title} || ' ' || ${offerings.description} || ' ' || ${vendors.name})`;
  return and(
    ...terms.map((term) => {
      const named = CATEGORY_IDS.filter((id) =>
        Object.values(CATEGORIES[id]).some((label) => label.toLowerCase().includes(term.toLowerCase())),
      );
      return or(
        sql`strpos(${text}, ${term.toLowerCase()}) > 0`,
        named.length ? anyOf(offerings.category, named) : undefined,
      );
    }),
  );
}

const offeringView = (row: { offering: typeof offerings.$inferSelect; vendorName: string }, images: string[]) => {
  const { id, organisationId, title, description, category, priceFen, priceUnit, status } = row.offering;
  return {
    id,
    organisationId,
    vendorName: row.vendorName,
    title,
    description,
    category: category as (typeof CATEGORY_IDS)[number],
    priceFen,
    priceUnit,
    images,
    status,
  };
};

/** What residents browse and open. */
export const catalogueRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      const { q, category, cursor } = c.req.valid('query');
      const after = decodeCursor(cursor);
      const rows = await orderable(ctx)
        .where(
          and(
            eq(listings.tenantId, ctx.tenant.id),
            eq(offerings.status, 'active'),
            category ? eq(offerings.category, category) : undefined,
            matches(q),
            after ? lt(offerings.id, after) : undefined,
          ),
        )
        .orderBy(desc(offerings.id))
        .limit(PAGE + 1);
      if (!rows.length) return c.json({ items: [], nextCursor: null }, 200);
      const ids = rows.map((r) => r.offering.id);
      const next = await ctx.db
        .select({ offeringId: slots.offeringId, at: sql<Date>`min(${slots.startsAt})` })
        .from(slots)
        .where(
          and(anyOf(slots.offeringId, ids), gt(slots.startsAt, ctx.now()), sql`${slots.booked} < ${slots.capacity}`),
        )
        .groupBy(slots.offeringId);
      const nextAt = new Map(next.map((n) => [n.offeringId, new Date(n.at).toISOString()]));
      const ratings = Map.groupBy(
        await ratingRows(ctx.db, eq(reviews.tenantId, ctx.tenant.id)),
        (r) => r.organisationId,
      );
      const photos = await imageIdsOf(ctx.db, ids);
      const items = rows.map((r) => ({
        ...offeringView(r, photos(r.offering.id)),
        rating: rating(ratings.get(r.offering.organisationId) ?? []),
        nextSlotAt: nextAt.get(r.offering.id) ?? null,
      }));
      return c.json(page(items, PAGE), 200);
    })
    .openapi(show, async (c) => {
      const ctx = c.get('plugin');
      const { offeringId } = c.req.valid('param');
      const [row] = await orderable(ctx).where(
        and(eq(listings.tenantId, ctx.tenant.id), eq(offerings.id, offeringId), eq(offerings.status, 'active')),
      );
      if (!row) throw fail('offering_missing');
      const organisationId = row.offering.organisationId;
      const [vendor] = await ctx.db.select().from(vendors).where(eq(vendors.organisationId, organisationId));
      const [admission] = await ctx.db
        .select()
        .from(admissions)
        .where(and(eq(admissions.tenantId, ctx.tenant.id), eq(admissions.organisationId, organisationId)));
      const upcoming = await ctx.db
        .select()
        .from(slots)
        .where(and(eq(slots.offeringId, offeringId), gt(slots.startsAt, ctx.now())))
        .orderBy(asc(slots.startsAt))
        .limit(60);
      const recent = await ctx.db
        .select({ review: reviews, offeringTitle: orders.offeringTitle })
        .from(reviews)
        .innerJoin(orders, eq(orders.id, reviews.orderId))
        .where(and(eq(reviews.tenantId, ctx.tenant.id), eq(reviews.organisationId, organisationId)))
        .orderBy(desc(reviews.createdAt))
        .limit(20);
      const here = await ratingRows(
        ctx.db,
        and(eq(reviews.tenantId, ctx.tenant.id), eq(reviews.organisationId, organisationId)),
      );
      const homes = ctx.actor?.verified
        ? (await ctx.members.homes()).map(({ unitId, address }) => ({ unitId, address }))
        : [];
      return c.json(
        {
          offering: offeringView(row, (await imageIdsOf(ctx.db, [offeringId]))(offeringId)),
          vendor: {
            intro: vendor!.intro,
            phone: vendor!.phone,
            categories: vendor!.categories as (typeof CATEGORY_IDS)[number][],
            servicePoint: servicePoint(admission!),
            rating: rating(here),
          },
          slots: upcoming.map(slotView),
          reviews: recent.map((r) => reviewView(r.review, { offeringTitle: r.offeringTitle })),
          homes,
        },
        200,
      );
    })
    .openapi(image, async (c) => {
      const { bytes, headers } = await imageFile(c.get('plugin').db, c.req.valid('param').imageId);
      return c.body(bytes, 200, headers);
    });
