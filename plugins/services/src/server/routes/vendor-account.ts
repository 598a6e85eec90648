import { ORGANISATION_MANAGERS } from '@city/contracts/values';
import { z } from '@hono/zod-openapi';
import { newId } from '@city/plugin-sdk/schema';
import { jsonBody, json, pluginRoute, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, eq, inArray } from 'drizzle-orm';
import {
  AdmissionSchema,
  ApplicationInputSchema,
  NeighbourhoodOptionSchema,
  ServicePointInputSchema,
  VendorProfileInputSchema,
  VendorProfileSchema,
} from '../../contracts.ts';
import { admissions, vendors } from '../../schema.ts';
import { fail } from '../errors.ts';
import { admissionOf, admissionView } from '../views.ts';

const tenantParams = z.object({ tenantId: z.uuid() });

const getProfile = pluginRoute({
  method: 'get',
  path: '/profile',
  summary: '服务商资料 / Vendor profile',
  access: ['org:member'],
  responses: { 200: json(VendorProfileSchema.nullable()) },
});
const putProfile = pluginRoute({
  method: 'put',
  path: '/profile',
  summary: '填写服务商资料 / Set the vendor profile',
  description: '名称取自单位注册信息。',
  access: ORGANISATION_MANAGERS,
  request: { body: jsonBody(VendorProfileInputSchema) },
  responses: { 200: json(VendorProfileSchema) },
});
const neighbourhoods = pluginRoute({
  method: 'get',
  path: '/neighbourhoods',
  summary: '开通了生活服务的小区及入驻状态 / Neighbourhoods offering local services, with my standing',
  access: ['org:member'],
  responses: { 200: json(z.object({ items: z.array(NeighbourhoodOptionSchema) })) },
});
const apply = pluginRoute({
  method: 'post',
  path: '/applications',
  summary: '申请入驻小区 / Apply to serve a neighbourhood',
  description: '被拒绝或已撤回的申请可重新提交。',
  access: ORGANISATION_MANAGERS,
  request: { body: jsonBody(ApplicationInputSchema) },
  responses: { 201: json(AdmissionSchema, 'Applied'), 409: { description: 'Already applied' } },
});
const withdraw = pluginRoute({
  method: 'post',
  path: '/applications/{tenantId}/withdraw',
  summary: '撤回待审核的申请 / Withdraw a pending application',
  access: ORGANISATION_MANAGERS,
  request: { params: tenantParams },
  responses: { 200: json(AdmissionSchema), 409: { description: 'Not pending' } },
});
const servicePoint = pluginRoute({
  method: 'put',
  path: '/admissions/{tenantId}/service-point',
  summary: '登记驻点（小区内或附近的服务点）/ Register the on-site service point',
  access: ORGANISATION_MANAGERS,
  request: { params: tenantParams, body: jsonBody(ServicePointInputSchema) },
  responses: { 200: json(AdmissionSchema), 409: { description: 'Not admitted' } },
});

const profileView = (row: typeof vendors.$inferSelect) => ({
  organisationId: row.organisationId,
  name: row.name,
  intro: row.intro,
  phone: row.phone,
  categories: row.categories as z.infer<typeof VendorProfileSchema>['categories'],
});

/** A vendor's account in this plugin: profile, where it applies, its service points. */
export const vendorAccountRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(getProfile, async (c) => {
      const ctx = c.get('org');
      const [row] = await ctx.db.select().from(vendors).where(eq(vendors.organisationId, ctx.organisation.id));
      return c.json(row ? profileView(row) : null, 200);
    })
    .openapi(putProfile, async (c) => {
      const ctx = c.get('org');
      const input = c.req.valid('json');
      const now = ctx.now();
      const values = {
        ...input,
        categories: [...new Set(input.categories)],
        name: ctx.organisation.name,
        updatedAt: now,
      };
      const [row] = await ctx.db
        .insert(vendors)
        .values({ organisationId: ctx.organisation.id, createdAt: now, ...values })
        .onConflictDoUpdate({ target: vendors.organisationId, set: values })
        .returning();
      return c.json(profileView(row!), 200);
    })
    .openapi(neighbourhoods, async (c) => {
      const ctx = c.get('org');
      const offering = await ctx.neighbourhoods.offering();
      const mine = new Map((await ctx.db.select().from(admissions)).map((a) => [a.tenantId, a]));
      const items = offering.map((n) => {
        const admission = mine.get(n.id);
        return { ...n, admission: admission ? admissionView(admission, n.slug) : null };
      });
      return c.json({ items }, 200);
    })
    .openapi(apply, async (c) => {
      const ctx = c.get('org');
      const input = c.req.valid('json');
      const [profile] = await ctx.db
        .select({ id: vendors.organisationId })
        .from(vendors)
        .where(eq(vendors.organisationId, ctx.organisation.id));
      if (!profile) throw fail('profile_missing');
      const target = await ctx.neighbourhoods.offeringBySlug(input.neighbourhood);
      if (!target) throw fail('neighbourhood_missing');
      const now = ctx.now();
      const existing = await admissionOf(ctx.db, ctx.organisation.id, target.id);
      const application = {
        status: 'pending' as const,
        note: input.note,
        appliedAt: now,
        appliedByName: ctx.actor.displayName,
        decidedAt: null,
        decidedByName: null,
        reason: null,
        updatedAt: now,
      };
      if (existing && !['refused', 'withdrawn'].includes(existing.status)) throw fail('already_applied');
      const [row] = existing
        ? await ctx.db.update(admissions).set(application).where(eq(admissions.id, existing.id)).returning()
        : await ctx.db
            .insert(admissions)
            .values({
              id: newId(),
              tenantId: target.id,
              organisationId: ctx.organisation.id,
              tenantName: target.name,
              ...application,
            })
            .returning();
      return c.json(admissionView(row!, target.slug), 201);
    })
    .openapi(withdraw, async (c) => {
      const ctx = c.get('org');
      const [row] = await ctx.db
        .update(admissions)
        .set({ status: 'withdrawn', updatedAt: ctx.now() })
        .where(
          and(
            eq(admissions.organisationId, ctx.organisation.id),
            eq(admissions.tenantId, c.req.valid('param').tenantId),
            eq(admissions.status, 'pending'),
          ),
        )
        .returning();
      if (!row) {
        if (!(await admissionOf(ctx.db, ctx.organisation.id, c.req.valid('param').tenantId)))
          throw fail('neighbourhood_missing');
        throw fail('not_pending');
      }
      return c.json(admissionView(row, null), 200);
    })
    .openapi(servicePoint, async (c) => {
      const ctx = c.get('org');
      const { address, hours } = c.req.valid('json');
      const [row] = await ctx.db
        .update(admissions)
        .set({ pointAddress: address, pointHours: hours, updatedAt: ctx.now() })
        .where(
          and(
            eq(admissions.organisationId, ctx.organisation.id),
            eq(admissions.tenantId, c.req.valid('param').tenantId),
            inArray(admissions.status, ['admitted', 'suspended']),
          ),
        )
        .returning();
      if (!row) {
        if (!(await admissionOf(ctx.db, ctx.organisation.id, c.req.valid('param').tenantId)))
          throw fail('neighbourhood_missing');
        throw fail('not_admitted');
      }
      return c.json(admissionView(row, null), 200);
    });
