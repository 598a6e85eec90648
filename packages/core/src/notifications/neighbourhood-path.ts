import { schema, type Tx } from '@city/db';
import { eq } from 'drizzle-orm';

/** A portal path inside the neighbourhood of the transaction (`/n/<slug>/…`), for the links of the core's notifications. */
export async function neighbourhoodPath(tx: Tx, tenantId: string, rest = ''): Promise<string> {
  const [tenant] = await tx
    .select({ slug: schema.tenants.slug })
    .from(schema.tenants)
    .where(eq(schema.tenants.id, tenantId));
  return `/n/${encodeURIComponent(tenant!.slug)}${rest}`;
}
