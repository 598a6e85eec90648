import { z } from '@hono/zod-openapi';
import { newId } from '@city/plugin-sdk/schema';
import {
  anyOf,
  fileResponse,
  isForeignKeyViolation,
  jsonBody,
  jsonResponse,
  pluginRoute,
  type OrganisationContext as Ctx,
  type PluginRouter,
} from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, asc, desc, eq, gt, notInArray } from 'drizzle-orm';
import {
  ListingsInputSchema,
  OfferingInputSchema,
  OfferingUpdateSchema,
  SlotInputSchema,
  SlotSchema,
  VendorOfferingSchema,
} from '../../contracts.ts';
import { admissions, IMAGE_TYPES, images, listings, offerings, slots, vendors } from '../../schema.ts';
import { imageFile, imageIdsOf, MAX_IMAGE_BYTES, MAX_IMAGES, sniffImage } from '../images.ts';
import { fail } from '../errors.ts';
import { slotView } from '../views.ts';

const MANAGERS = ['org:owner', 'org:manager'] as const;
const offeringParams = z.object({ offeringId: z.uuid() });
const slotParams = z.object({ slotId: z.uuid() });
const imageParams = z.object({ imageId: z.uuid() });
const binary = z.string().openapi({ format: 'binary' });

const list = pluginRoute({
  method: 'get',
  path: '/offerings',
  summary: '我的服务项目 / My offerings',
  access: ['org:member'],
  responses: { 200: jsonResponse(z.object({ items: z.array(VendorOfferingSchema) })) },
});
const create = pluginRoute({
  method: 'post',
  path: '/offerings',
  summary: '新增服务项目 / Add an offering',
  access: MANAGERS,
  request: { body: jsonBody(OfferingInputSchema) },
  responses: { 201: jsonResponse(VendorOfferingSchema, 'Added'), 409: { description: 'No profile' } },
});
const update = pluginRoute({
  method: 'patch',
  path: '/offerings/{offeringId}',
  summary: '修改或下架服务项目 / Change or withdraw an offering',
  access: MANAGERS,
  request: { params: offeringParams, body: jsonBody(OfferingUpdateSchema) },
  responses: { 200: jsonResponse(VendorOfferingSchema) },
});
const setListings = pluginRoute({
  method: 'put',
  path: '/offerings/{offeringId}/neighbourhoods',
  summary: '在哪些小区上架 / Where an offering is listed',
  description: '只能选择已获准入驻的小区。',
  access: MANAGERS,
  request: { params: offeringParams, body: jsonBody(ListingsInputSchema) },
  responses: { 200: jsonResponse(VendorOfferingSchema), 409: { description: 'Not admitted there' } },
});
const addSlot = pluginRoute({
  method: 'post',
  path: '/offerings/{offeringId}/slots',
  summary: '新增可预约时段 / Add a bookable slot',
  access: MANAGERS,
  request: { params: offeringParams, body: jsonBody(SlotInputSchema) },
  responses: { 201: jsonResponse(SlotSchema, 'Added') },
});
const removeSlot = pluginRoute({
  method: 'delete',
  path: '/slots/{slotId}',
  summary: '删除无人预约的时段 / Remove a slot nobody booked',
  access: MANAGERS,
  request: { params: slotParams },
  responses: { 204: { description: 'Removed' }, 409: { description: 'Booked' } },
});

const addImage = pluginRoute({
  method: 'post',
  path: '/offerings/{offeringId}/images',
  summary: '上传服务图片（JPEG/PNG/WebP，≤1 MB，最多 6 张）/ Upload a photo (JPEG, PNG or WebP, 1 MB, 6 at most)',
  description: '请求体为图片本身。The body is the image itself.',
  access: MANAGERS,
  request: {
    params: offeringParams,
    body: { required: true, content: Object.fromEntries(IMAGE_TYPES.map((t) => [t, { schema: binary }])) },
  },
  responses: { 201: jsonResponse(z.object({ id: z.uuid() }), 'Uploaded'), 409: { description: 'Six already' } },
});
const removeImage = pluginRoute({
  method: 'delete',
  path: '/offerings/{offeringId}/images/{imageId}',
  summary: '删除服务图片 / Remove a photo',
  access: MANAGERS,
  request: { params: offeringParams.extend(imageParams.shape) },
  responses: { 204: { description: 'Removed' } },
});
const showImage = pluginRoute({
  method: 'get',
  path: '/images/{imageId}',
  summary: '服务图片 / A photo',
  access: ['org:member'],
  request: { params: imageParams },
  responses: { 200: fileResponse('image/jpeg', 'The image (JPEG, PNG or WebP)') },
});

/** Offerings with where they are listed and their slots still to come. */
async function offeringViews(ctx: Ctx, ids?: string[]) {
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

async function oneOffering(ctx: Ctx, id: string) {
  const [view] = await offeringViews(ctx, [id]);
  if (!view) throw fail('offering_missing');
  return view;
}

/** A vendor's catalogue: offerings, where each is listed, and its bookable slots. */
export const vendorOfferingRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(list, async (c) => c.json({ items: await offeringViews(c.get('org')) }, 200))
    .openapi(create, async (c) => {
      const ctx = c.get('org');
      const [profile] = await ctx.db.select({ id: vendors.organisationId }).from(vendors);
      if (!profile) throw fail('profile_missing');
      const now = ctx.now();
      const [row] = await ctx.db
        .insert(offerings)
        .values({
          id: newId(),
          organisationId: ctx.organisation.id,
          ...c.req.valid('json'),
          status: 'active',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: offerings.id });
      return c.json(await oneOffering(ctx, row!.id), 201);
    })
    .openapi(update, async (c) => {
      const ctx = c.get('org');
      const [row] = await ctx.db
        .update(offerings)
        .set({ ...c.req.valid('json'), updatedAt: ctx.now() })
        .where(eq(offerings.id, c.req.valid('param').offeringId))
        .returning({ id: offerings.id });
      if (!row) throw fail('offering_missing');
      return c.json(await oneOffering(ctx, row.id), 200);
    })
    .openapi(setListings, async (c) => {
      const ctx = c.get('org');
      const { offeringId } = c.req.valid('param');
      const tenantIds = [...new Set(c.req.valid('json').tenantIds)];
      await oneOffering(ctx, offeringId);
      if (tenantIds.length) {
        const admitted = await ctx.db
          .select({ tenantId: admissions.tenantId })
          .from(admissions)
          .where(and(anyOf(admissions.tenantId, tenantIds), eq(admissions.status, 'admitted')));
        if (admitted.length !== tenantIds.length) throw fail('neighbourhood_not_admitted');
      }
      await ctx.db
        .delete(listings)
        .where(
          and(
            eq(listings.offeringId, offeringId),
            tenantIds.length ? notInArray(listings.tenantId, tenantIds) : undefined,
          ),
        );
      if (tenantIds.length) {
        await ctx.db
          .insert(listings)
          .values(
            tenantIds.map((tenantId) => ({
              tenantId,
              organisationId: ctx.organisation.id,
              offeringId,
              listedAt: ctx.now(),
            })),
          )
          .onConflictDoNothing();
      }
      return c.json(await oneOffering(ctx, offeringId), 200);
    })
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
    })
    .openapi(addImage, async (c) => {
      const ctx = c.get('org');
      const { offeringId } = c.req.valid('param');
      const view = await oneOffering(ctx, offeringId);
      if (view.images.length >= MAX_IMAGES) throw fail('too_many_images');
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_IMAGE_BYTES) throw fail('image_too_large');
      const contentType = sniffImage(bytes);
      if (!contentType) throw fail('image_invalid');
      const [row] = await ctx.db
        .insert(images)
        .values({ organisationId: ctx.organisation.id, offeringId, contentType, bytes, createdAt: ctx.now() })
        .returning({ id: images.id });
      return c.json(row!, 201);
    })
    .openapi(removeImage, async (c) => {
      const ctx = c.get('org');
      const { offeringId, imageId } = c.req.valid('param');
      const removed = await ctx.db
        .delete(images)
        .where(and(eq(images.id, imageId), eq(images.offeringId, offeringId)))
        .returning({ id: images.id });
      if (!removed.length) throw fail('image_missing');
      return c.body(null, 204);
    })
    .openapi(showImage, async (c) => {
      const { bytes, headers } = await imageFile(c.get('org').db, c.req.valid('param').imageId);
      return c.body(bytes, 200, headers);
    });
