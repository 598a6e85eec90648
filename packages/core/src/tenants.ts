import { schema, withUser, type Database, type Tx } from '@city/db';
import type { TenantRole } from '@city/contracts';
import type { Clock } from '@city/auth';
import { and, asc, eq, ilike, sql } from 'drizzle-orm';

type Tenant = typeof schema.tenants.$inferSelect;

/** Slugs resolve on every tenant request; neighbourhoods change rarely, so a lookup is kept for a short while. */
const SLUG_CACHE_MS = 30_000;
const SLUG_CACHE_MAX = 10_000;

/** Neighbourhood lookups that are not tenant-scoped: resolving a slug, and a person's own memberships. */
export class Tenants {
  private readonly db: Database;
  private readonly clock: Clock;
  private readonly bySlugCache = new Map<string, { tenant: Tenant | undefined; at: number }>();

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The neighbourhood with this slug; a status change (e.g. suspension) is seen within SLUG_CACHE_MS. */
  async bySlug(slug: string): Promise<Tenant | undefined> {
    const now = this.clock.now().getTime();
    const cached = this.bySlugCache.get(slug);
    if (cached && now - cached.at < SLUG_CACHE_MS) return cached.tenant;
    const [tenant] = await this.db.select().from(schema.tenants).where(eq(schema.tenants.slug, slug));
    if (this.bySlugCache.size >= SLUG_CACHE_MAX) this.bySlugCache.clear();
    // Unknown slugs are not cached: a neighbourhood approved a moment ago must resolve at once.
    if (tenant) this.bySlugCache.set(slug, { tenant, at: now });
    return tenant;
  }

  /** Active neighbourhoods whose name contains `q`, for a newcomer looking for theirs (a few, by name). */
  search(q: string) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db
      .select({ slug: schema.tenants.slug, name: schema.tenants.name, address: schema.tenants.address })
      .from(schema.tenants)
      .where(and(eq(schema.tenants.status, 'active'), ilike(schema.tenants.name, pattern)))
      .orderBy(asc(schema.tenants.name))
      .limit(20);
  }

  /** Every neighbourhood the person belongs to, through the self policy on members. */
  memberships(user: { id: string; phone: string }) {
    return withUser(this.db, user, (tx) => membershipsIn(tx, user.id));
  }
}

/** `Tenants.memberships` inside a person's transaction (withUser), for reads that share it. */
export async function membershipsIn(tx: Tx, userId: string) {
  const rows = await tx
    .select({
      id: schema.tenants.id,
      slug: schema.tenants.slug,
      name: schema.tenants.name,
      roles: schema.members.roles,
    })
    .from(schema.members)
    .innerJoin(schema.tenants, eq(schema.tenants.id, schema.members.tenantId))
    .where(eq(schema.members.userId, userId))
    .orderBy(asc(schema.tenants.name));
  return rows.map((r) => ({ tenant: { id: r.id, slug: r.slug, name: r.name }, roles: r.roles as TenantRole[] }));
}

/**
 * The page header's read of the person's own rows in one statement: their memberships and their unread notifications
 * (a count beside the rows, so a person with no membership still gets it). Inside withUser.
 */
export async function headerOf(tx: Tx, userId: string) {
  const { rows } = await tx.execute<{
    unread: number;
    id: string | null;
    slug: string;
    name: string;
    roles: string[];
  }>(sql`
    select c.unread, t.id, t.slug, t.name, m.roles
    from (select count(*)::int as unread from notifications n
          where n.user_id = ${userId} and n.read_at is null) c
    left join members m on m.user_id = ${userId}
    left join tenants t on t.id = m.tenant_id
    order by t.name`);
  return {
    unreadNotifications: rows[0]?.unread ?? 0,
    memberships: rows.flatMap((r) =>
      r.id ? [{ tenant: { id: r.id, slug: r.slug, name: r.name }, roles: r.roles as TenantRole[] }] : [],
    ),
  };
}
