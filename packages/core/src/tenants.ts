import { schema, withUser, type Database } from '@city/db';
import type { TenantRole } from '@city/contracts';
import { asc, eq } from 'drizzle-orm';

/** Neighbourhood lookups that are not tenant-scoped: resolving a slug, and a person's own memberships. */
export class Tenants {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async bySlug(slug: string) {
    const [tenant] = await this.db.select().from(schema.tenants).where(eq(schema.tenants.slug, slug));
    return tenant;
  }

  /** Every neighbourhood the person belongs to, through the self policy on members. */
  memberships(user: { id: string; phone: string }) {
    return withUser(this.db, user, (tx) =>
      tx
        .select({
          id: schema.tenants.id,
          slug: schema.tenants.slug,
          name: schema.tenants.name,
          roles: schema.members.roles,
        })
        .from(schema.members)
        .innerJoin(schema.tenants, eq(schema.tenants.id, schema.members.tenantId))
        .where(eq(schema.members.userId, user.id))
        .orderBy(asc(schema.tenants.name)),
    ).then((rows) =>
      rows.map((r) => ({ tenant: { id: r.id, slug: r.slug, name: r.name }, roles: r.roles as TenantRole[] })),
    );
  }
}
