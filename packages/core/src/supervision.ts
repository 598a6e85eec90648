import { maskPhone, type TenantRole } from '@city/contracts';
import { schema, withSupervision, type Database } from '@city/db';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { auditFacets, listAudit, verifyAudit, type AuditFilter } from './audit.ts';
import { AppError } from './errors.ts';
import type { Principal } from './applications.ts';
import type { Regions } from './regions.ts';

const community = alias(schema.regions, 'community');
const street = alias(schema.regions, 'street');

/**
 * Read-only views for 街道/社区 staff over the neighbourhoods below their regions (operators: every district).
 * Each read runs in withSupervision(), whose READ ONLY transaction and policies admit nothing outside the branch.
 */
export class Supervision {
  private readonly db: Database;
  private readonly regions: Regions;

  constructor(db: Database, regions: Regions) {
    this.db = db;
    this.regions = regions;
  }

  async neighbourhoods(actor: Principal) {
    const results = [];
    for (const regionId of await this.branches(actor)) {
      results.push(
        ...(await withSupervision(this.db, regionId, (tx) =>
          tx
            .select({
              id: schema.tenants.id,
              slug: schema.tenants.slug,
              name: schema.tenants.name,
              address: schema.tenants.address,
              communityName: community.name,
              streetName: street.name,
              status: schema.tenants.status,
              createdAt: schema.tenants.createdAt,
              memberCount: count(schema.members.id),
              adminCount: sql<number>`count(*) filter (where 'admin' = any(${schema.members.roles}))`.mapWith(Number),
            })
            .from(schema.tenants)
            .innerJoin(community, eq(community.id, schema.tenants.communityId))
            .innerJoin(street, eq(street.id, schema.tenants.streetId))
            .leftJoin(schema.members, eq(schema.members.tenantId, schema.tenants.id))
            .where(sql`${schema.tenants.id} = any(app_supervised_tenants())`)
            .groupBy(schema.tenants.id, community.name, street.name)
            .orderBy(asc(schema.tenants.name)),
        )),
      );
    }
    return [...new Map(results.map((n) => [n.id, n])).values()];
  }

  /** Members of one supervised neighbourhood, phones masked. Outside the branch: not found. */
  async members(actor: Principal, slug: string) {
    const { tenant, regionId } = await this.locate(actor, slug);
    const rows = await withSupervision(this.db, regionId, (tx) =>
      tx
        .select({
          id: schema.members.id,
          userId: schema.members.userId,
          displayName: schema.members.displayName,
          phone: schema.users.phone,
          roles: schema.members.roles,
          joinedAt: schema.members.joinedAt,
        })
        .from(schema.members)
        .innerJoin(schema.users, eq(schema.users.id, schema.members.userId))
        .where(and(eq(schema.members.tenantId, tenant.id)))
        .orderBy(asc(schema.members.id)),
    );
    return {
      tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
      members: rows.map((r) => ({ ...r, phone: maskPhone(r.phone), roles: r.roles as TenantRole[] })),
    };
  }

  /** The audit trail of one supervised neighbourhood, narrowed as its admins narrow theirs, with the chain's verdict. */
  async audit(actor: Principal, slug: string, filter: AuditFilter) {
    const { tenant, regionId } = await this.locate(actor, slug);
    return withSupervision(this.db, regionId, async (tx) => ({
      page: await listAudit(tx, tenant.id, filter),
      verdict: await verifyAudit(tx, tenant.id),
    }));
  }

  /** What the trail of one supervised neighbourhood can be filtered by: who acted and the actions recorded. */
  async auditFacets(actor: Principal, slug: string) {
    const { tenant, regionId } = await this.locate(actor, slug);
    return withSupervision(this.db, regionId, (tx) => auditFacets(tx, tenant.id));
  }

  /** The neighbourhood if the actor supervises it (its 社区, 街道 or 区), for read-only views of its plugins. */
  async supervisedTenant(actor: Principal, slug: string) {
    return (await this.locate(actor, slug)).tenant;
  }

  /** The neighbourhood and the region of the caller's through which they supervise it; outside their branch: not found. */
  async locate(actor: Principal, slug: string) {
    const [tenant] = await this.db.select().from(schema.tenants).where(eq(schema.tenants.slug, slug));
    if (!tenant) throw new AppError('not_found');
    const scopes = await this.branches(actor);
    const regionId = [tenant.communityId, tenant.streetId, tenant.districtId].find((id) => scopes.includes(id));
    if (!regionId) throw new AppError('not_found');
    return { tenant, regionId };
  }

  /** The regions whose branch the caller supervises: their own (several, for some staff), or every 区 for operators. */
  async branches(actor: Principal): Promise<string[]> {
    if (actor.isPlatformOperator) {
      const districts = await this.db
        .select({ id: schema.regions.id })
        .from(schema.regions)
        .where(eq(schema.regions.kind, 'district'));
      return districts.map((d) => d.id);
    }
    return (await this.regions.staffRegions(actor.id)).map((r) => r.id);
  }
}
