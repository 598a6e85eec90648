import { z } from '@hono/zod-openapi';
import { jsonBody, json, pluginRoute, type PluginContext, type PluginRouter } from '@city/plugin-sdk/server';
import type { Schema } from 'hono';
import type { ServicesSettings } from '../../manifest.ts';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type CATEGORY_IDS } from '../../categories.ts';
import { AdminVendorSchema, ComplaintSchema, DecisionInputSchema, ResolutionInputSchema } from '../../contracts.ts';
import { admissions, complaints, orders, vendors } from '../../schema.ts';
import { complaintView } from '../complaints.ts';
import { fail } from '../errors.ts';
import { tellComplainant } from '../notify.ts';
import { rating, ratingRows, servicePoint } from '../views.ts';

const ADMINS = ['tenant:admin'] as const;
const vendorParams = z.object({ organisationId: z.uuid() });

const list = pluginRoute({
  method: 'get',
  path: '/admin/vendors',
  summary: '服务商申请与入驻管理 / Vendor applications and admitted vendors',
  description: '订单只显示数量，不含住户备注等隐私内容。',
  access: ADMINS,
  responses: { 200: json(z.object({ items: z.array(AdminVendorSchema) })) },
});
const decide = pluginRoute({
  method: 'post',
  path: '/admin/vendors/{organisationId}/decision',
  summary: '准入、拒绝（附理由）、暂停（附理由）、恢复 / Admit, refuse, suspend or reinstate a vendor',
  access: ADMINS,
  request: { params: vendorParams, body: jsonBody(DecisionInputSchema) },
  responses: { 200: json(AdminVendorSchema), 409: { description: 'Not in a state for this decision' } },
});
const complaintList = pluginRoute({
  method: 'get',
  path: '/admin/complaints',
  summary: '住户投诉 / Complaints',
  access: ADMINS,
  responses: { 200: json(z.object({ items: z.array(ComplaintSchema) })) },
});
const resolve = pluginRoute({
  method: 'post',
  path: '/admin/complaints/{complaintId}/resolve',
  summary: '处理投诉 / Resolve a complaint',
  access: ADMINS,
  request: { params: z.object({ complaintId: z.uuid() }), body: jsonBody(ResolutionInputSchema) },
  responses: { 200: json(ComplaintSchema), 409: { description: 'Already resolved' } },
});

/** Which standing each decision moves a vendor from, and to. */
const DECISIONS = {
  admit: { from: ['pending'], to: 'admitted' },
  refuse: { from: ['pending'], to: 'refused' },
  suspend: { from: ['admitted'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'admitted' },
} as const;

/** Every vendor with standing here, with its order volume (counts only), rating and open complaints. */
async function vendorViews(ctx: PluginContext, organisationId?: string) {
  const only = organisationId ? eq(admissions.organisationId, organisationId) : undefined;
  const rows = await ctx.db
    .select({ admission: admissions, vendor: vendors })
    .from(admissions)
    .innerJoin(vendors, eq(vendors.organisationId, admissions.organisationId))
    .where(and(eq(admissions.tenantId, ctx.tenant.id), only))
    .orderBy(desc(admissions.appliedAt));
  const volume = new Map(
    (
      await ctx.db
        .select({
          organisationId: orders.organisationId,
          total: sql<number>`count(*)::int`,
          open: sql<number>`count(*) filter (where ${orders.status} in ('placed', 'accepted', 'in_service'))::int`,
          completed: sql<number>`count(*) filter (where ${orders.status} = 'completed')::int`,
          cancelled: sql<number>`count(*) filter (where ${orders.status} in ('cancelled', 'declined'))::int`,
        })
        .from(orders)
        .where(
          and(
            eq(orders.tenantId, ctx.tenant.id),
            organisationId ? eq(orders.organisationId, organisationId) : undefined,
          ),
        )
        .groupBy(orders.organisationId)
    ).map((r) => [r.organisationId, r]),
  );
  const open = new Map(
    (
      await ctx.db
        .select({ organisationId: complaints.organisationId, n: sql<number>`count(*)::int` })
        .from(complaints)
        .where(and(eq(complaints.tenantId, ctx.tenant.id), eq(complaints.status, 'open')))
        .groupBy(complaints.organisationId)
    ).map((r) => [r.organisationId, r.n]),
  );
  const ratings = Map.groupBy(await ratingRows(ctx.db), (r) => r.organisationId);
  return rows.map(({ admission: a, vendor: v }) => {
    const { total = 0, open: live = 0, completed = 0, cancelled = 0 } = volume.get(a.organisationId) ?? {};
    return {
      organisationId: a.organisationId,
      name: v.name,
      phone: v.phone,
      intro: v.intro,
      categories: v.categories as (typeof CATEGORY_IDS)[number][],
      status: a.status,
      note: a.note,
      appliedAt: a.appliedAt.toISOString(),
      appliedByName: a.appliedByName,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      decidedByName: a.decidedByName,
      reason: a.reason,
      servicePoint: servicePoint(a),
      orders: { total, open: live, completed, cancelled },
      rating: rating(ratings.get(a.organisationId) ?? []),
      openComplaints: open.get(a.organisationId) ?? 0,
    };
  });
}

/** The neighbourhood admin's side: who may serve here, and what residents complained about. */
export const adminRoutes = <R extends Schema>(router: PluginRouter<ServicesSettings, R>) =>
  router
    .openapi(list, async (c) => c.json({ items: await vendorViews(c.get('plugin')) }, 200))
    .openapi(decide, async (c) => {
      const ctx = c.get('plugin');
      const { organisationId } = c.req.valid('param');
      const input = c.req.valid('json');
      const rule = DECISIONS[input.decision];
      const reason = 'reason' in input ? input.reason : null;
      const [row] = await ctx.db
        .update(admissions)
        .set({
          status: rule.to,
          decidedAt: ctx.now(),
          decidedByName: ctx.actor!.displayName,
          reason,
          updatedAt: ctx.now(),
        })
        .where(
          and(
            eq(admissions.tenantId, ctx.tenant.id),
            eq(admissions.organisationId, organisationId),
            inArray(admissions.status, [...rule.from]),
          ),
        )
        .returning();
      if (!row) {
        const [exists] = await ctx.db
          .select({ id: admissions.id })
          .from(admissions)
          .where(eq(admissions.organisationId, organisationId));
        throw fail(exists ? 'decision_invalid' : 'vendor_missing');
      }
      const [view] = await vendorViews(ctx, organisationId);
      // The trail names the business it decided on (its own name, nothing of its staff), as the audit words read it.
      await ctx.audit.append({
        action: `vendor_${rule.to}`,
        targetType: 'services_vendor',
        targetId: organisationId,
        details: { vendor: view!.name, ...(reason ? { reason } : {}) },
      });
      return c.json(view!, 200);
    })
    .openapi(complaintList, async (c) => {
      const ctx = c.get('plugin');
      const rows = await ctx.db
        .select({ complaint: complaints, offeringTitle: orders.offeringTitle })
        .from(complaints)
        .innerJoin(orders, eq(orders.id, complaints.orderId))
        .where(eq(complaints.tenantId, ctx.tenant.id))
        .orderBy(sql`${complaints.status} = 'resolved'`, desc(complaints.createdAt))
        .limit(200);
      return c.json({ items: rows.map((r) => complaintView(r.complaint, r.offeringTitle)) }, 200);
    })
    .openapi(resolve, async (c) => {
      const ctx = c.get('plugin');
      const { complaintId } = c.req.valid('param');
      const [row] = await ctx.db
        .update(complaints)
        .set({
          status: 'resolved',
          resolution: c.req.valid('json').resolution,
          resolvedByName: ctx.actor!.displayName,
          resolvedAt: ctx.now(),
        })
        .where(and(eq(complaints.id, complaintId), eq(complaints.status, 'open')))
        .returning();
      if (!row) {
        const [exists] = await ctx.db
          .select({ id: complaints.id })
          .from(complaints)
          .where(eq(complaints.id, complaintId));
        throw fail(exists ? 'already_resolved' : 'complaint_missing');
      }
      const [order] = await ctx.db
        .select({ title: orders.offeringTitle })
        .from(orders)
        .where(eq(orders.id, row.orderId));
      await tellComplainant(ctx, row);
      return c.json(complaintView(row, order!.title), 200);
    });
