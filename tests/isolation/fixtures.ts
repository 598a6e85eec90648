import { schema, withTenant, type Database } from '@city/db';
import type { World } from '../../apps/api/src/testing/world.ts';

/**
 * One row of every kind a tenant route can name by id, made inside one neighbourhood. The isolation suite fills
 * each `{param}` of a route from here; a capability that adds a route with a new id parameter adds its maker.
 */
type Maker = (tx: Parameters<Parameters<typeof withTenant>[2]>[0], tenantId: string, actorId: string) => Promise<Record<string, string>>;

const makers: Maker[] = [
  async (tx) => {
    const [member] = await tx.select().from(schema.members).limit(1);
    return { memberId: member!.id };
  },
  async (tx, tenantId, actorId) => {
    const [invitation] = await tx
      .insert(schema.invitations)
      .values({ tenantId, phone: '13700000000', displayName: '被邀请人', roles: ['resident'], invitedBy: actorId, expiresAt: new Date(Date.now() + 86400_000) })
      .returning();
    return { invitationId: invitation!.id };
  },
  async (tx, tenantId, actorId) => {
    const [notice] = await tx
      .insert(schema.notices)
      .values({ tenantId, category: 'notice', title: '内部通知', body: '仅本小区可见', audience: 'residents', status: 'published', publishedAt: new Date(), publishAt: new Date(), createdBy: actorId })
      .returning();
    return { noticeId: notice!.id };
  },
];

export interface Side {
  slug: string;
  name: string;
  ids: Record<string, string>;
}

export async function sideOf(db: Database, tenant: World['tenantA'], actorId: string): Promise<Side> {
  const ids: Record<string, string> = { tenant: tenant.slug };
  await withTenant(db, tenant.id, async (tx) => {
    for (const make of makers) Object.assign(ids, await make(tx, tenant.id, actorId));
  });
  return { slug: tenant.slug, name: tenant.name, ids };
}

/** The victim's rows of every tenant table, read as the victim: must be identical before and after an attack. */
export async function snapshot(db: Database, tenantId: string) {
  return withTenant(db, tenantId, async (tx) => ({
    members: await tx.select().from(schema.members).orderBy(schema.members.id),
    invitations: await tx.select().from(schema.invitations).orderBy(schema.invitations.id),
    notices: await tx.select().from(schema.notices).orderBy(schema.notices.id),
    audit: await tx.select().from(schema.auditLog).orderBy(schema.auditLog.seq),
  }));
}
