import { failedDeliveriesSince, schema, type Database } from '@city/db';
import { inArray } from 'drizzle-orm';

/**
 * What platform operators watch across neighbourhoods: failed texts and WeChat messages by neighbourhood and channel
 * (a gateway refusing one template, a neighbourhood whose people never bound WeChat), with the latest error.
 * Each neighbourhood's admins see their own failures item by item in its notification settings.
 */
export async function deliveryFailures(db: Database, since: Date) {
  const rows = await failedDeliveriesSince(db, since);
  const ids = [...new Set(rows.map((r) => r.tenantId))];
  const tenants = ids.length
    ? await db
        .select({ id: schema.tenants.id, slug: schema.tenants.slug, name: schema.tenants.name })
        .from(schema.tenants)
        .where(inArray(schema.tenants.id, ids))
    : [];
  const byId = new Map(tenants.map(({ id, ...t }) => [id, t]));
  return rows.flatMap(({ tenantId, ...row }) => {
    const neighbourhood = byId.get(tenantId);
    return neighbourhood ? [{ neighbourhood, ...row }] : [];
  });
}
