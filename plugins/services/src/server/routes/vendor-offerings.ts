import { ORGANISATION_MANAGERS } from '@city/contracts/values';
import { z } from '@hono/zod-openapi';
import { newId } from '@city/plugin-sdk/schema';
import { anyOf, jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, eq, notInArray } from 'drizzle-orm';
import {
  ListingsInputSchema,
  OfferingInputSchema,
  OfferingUpdateSchema,
  VendorOfferingSchema,
} from '../../contracts.ts';
import { admissions, listings, offerings, vendors } from '../../schema.ts';
import { fail } from '../errors.ts';
import { offeringParams, offeringViews, oneOffering } from '../vendor-offerings.ts';

const list = pluginRoute({
  method: 'get',
  path: '/offerings',
  summary: '我的服务项目 / My offerings',
  access: ['org:member'],
  responses: { 200: json(z.object({ items: z.array(VendorOfferingSchema) })) },
});
const create = pluginRoute({
  method: 'post',
  path: '/offerings',
  summary: '新增服务项目 / Add an offering',
  access: ORGANISATION_MANAGERS,
  request: { body: jsonBody(OfferingInputSchema) },
  responses: { 201: json(VendorOfferingSchema, 'Added'), 409: { description: 'No profile' } },
});
const update = pluginRoute({
  method: 'patch',
  path: '/offerings/{offeringId}',
  summary: '修改或下架服务项目 / Change or withdraw an offering',
  access: ORGANISATION_MANAGERS,
  request: { params: offeringParams, body: jsonBody(OfferingUpdateSchema) },
  responses: { 200: json(VendorOfferingSchema) },
});
const setListings = pluginRoute({
  method: 'put',
  path: '/offerings/{offeringId}/neighbourhoods',
  summary: '在哪些小区上架 / Where an offering is listed',
  description: '只能选择已获准入驻的小区。',
  access: ORGANISATION_MANAGERS,
  request: { params: offeringParams, body: jsonBody(ListingsInputSchema) },
  responses: { 200: json(VendorOfferingSchema), 409: { description: 'Not admitted there' } },
});

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
    });
