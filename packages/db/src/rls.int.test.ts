import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.ts';
import * as schema from './schema/index.ts';
import { withPerson, withRegion, withSupervision, withTenant, withTenantAs, withUser } from './scope.ts';
import { randomPhone, testDatabase } from './testing.ts';

/**
 * Tenancy at the database level (docs/architecture.md §3), below any application code: every tenant-owned table forces RLS, and
 * queries run as the app role see exactly what their scope allows — nothing when unscoped. Tables added later are
 * covered because the list comes from the catalogue, not from this file.
 */
let h: DatabaseHandle;
let tenantTables: string[];
const ids = {} as {
  district: string;
  streetA: string;
  streetB: string;
  a: string;
  b: string;
  user: string;
  phone: string;
  /** Applications to open a neighbourhood: by `user` in community A (approved: it opened tenant a) and B, by another person in A. */
  communityA: string;
  applications: { a: string; b: string; other: string };
  /** Staff of street A, of street B; a platform operator; a person with no office. */
  reviewers: { streetA: string; streetB: string; operator: string; nobody: string };
};

beforeAll(async () => {
  h = await testDatabase();
  const { rows } = await h.db.execute<{ table_name: string }>(sql`
    select c.table_name from information_schema.columns c
    join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'`);
  tenantTables = rows.map((r) => r.table_name);

  const u = Math.random().toString(36).slice(2, 8);
  const [district] = await h.db
    .insert(schema.regions)
    .values({ kind: 'district', name: `区${u}` })
    .returning();
  const [streetA] = await h.db
    .insert(schema.regions)
    .values({ kind: 'street', name: '甲', parentId: district!.id })
    .returning();
  const [streetB] = await h.db
    .insert(schema.regions)
    .values({ kind: 'street', name: '乙', parentId: district!.id })
    .returning();
  const [cA] = await h.db
    .insert(schema.regions)
    .values({ kind: 'community', name: '甲社区', parentId: streetA!.id })
    .returning();
  const [cB] = await h.db
    .insert(schema.regions)
    .values({ kind: 'community', name: '乙社区', parentId: streetB!.id })
    .returning();
  const phone = randomPhone();
  const [user] = await h.db.insert(schema.users).values({ phone, displayName: 'u', passwordHash: 'x' }).returning();
  const tenant = async (slug: string, communityId: string, streetId: string) =>
    (
      await h.db
        .insert(schema.tenants)
        .values({ slug, name: slug, address: 'a', communityId, streetId, districtId: district!.id })
        .returning()
    )[0]!;
  const a = await tenant(`rls-a-${u}`, cA!.id, streetA!.id);
  const b = await tenant(`rls-b-${u}`, cB!.id, streetB!.id);
  for (const t of [a, b]) {
    await withTenant(h.db, t.id, async (tx) => {
      await tx
        .insert(schema.members)
        .values({ tenantId: t.id, userId: user!.id, displayName: 'u', roles: ['resident'] });
      await tx.insert(schema.invitations).values({
        tenantId: t.id,
        phone,
        displayName: 'i',
        roles: ['staff'],
        invitedBy: user!.id,
        expiresAt: new Date(Date.now() + 86400_000),
      });
    });
  }
  const person = async (name: string, isPlatformOperator = false) =>
    (
      await h.db
        .insert(schema.users)
        .values({ phone: randomPhone(), displayName: name, passwordHash: 'x', isPlatformOperator })
        .returning()
    )[0]!.id;
  const reviewers = {
    streetA: await person('甲街道工作人员'),
    streetB: await person('乙街道工作人员'),
    operator: await person('平台运营', true),
    nobody: await person('路人'),
  };
  await h.db.insert(schema.regionStaff).values([
    { regionId: streetA!.id, userId: reviewers.streetA },
    { regionId: streetB!.id, userId: reviewers.streetB },
  ]);
  const otherApplicant = await person('另一申请人');
  const apply = (applicantUserId: string, communityId: string, name: string) =>
    withPerson(h.db, { userId: applicantUserId }, async (tx) => {
      const [row] = await tx
        .insert(schema.neighbourhoodApplications)
        .values({
          name,
          nameKey: `${name}${u}`,
          address: '某路1号',
          communityId,
          applicantUserId,
          applicantName: '申请人',
          applicantPhone: phone,
        })
        .returning({ id: schema.neighbourhoodApplications.id });
      return row!.id;
    });
  const applications = {
    a: await apply(user!.id, cA!.id, '甲申请'),
    b: await apply(user!.id, cB!.id, '乙申请'),
    other: await apply(otherApplicant, cA!.id, '另一申请'),
  };
  await withPerson(h.db, { userId: reviewers.streetA }, (tx) =>
    tx
      .update(schema.neighbourhoodApplications)
      .set({ status: 'approved', decidedBy: reviewers.streetA, tenantId: a.id })
      .where(sql`id = ${applications.a}`),
  );
  Object.assign(ids, {
    communityA: cA!.id,
    applications,
    reviewers,
    district: district!.id,
    streetA: streetA!.id,
    streetB: streetB!.id,
    a: a.id,
    b: b.id,
    user: user!.id,
    phone,
  });
});
afterAll(() => h.close());

/** Rows of each tenant table visible to a query, grouped by tenant. */
async function visible(exec: (query: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }>) {
  const seen: Record<string, string[]> = {};
  for (const table of tenantTables) {
    const { rows } = await exec(
      sql`select distinct tenant_id from ${sql.identifier(table)} where tenant_id in (${ids.a}, ${ids.b})`,
    );
    seen[table] = (rows as { tenant_id: string }[]).map((r) => r.tenant_id).sort();
  }
  return seen;
}

/** Every table shows nothing but the allowed tenants; the tables this file seeded show exactly them. */
function expectOnly(seen: Record<string, string[]>, allowed: string[]) {
  for (const table of tenantTables) {
    for (const tenant of seen[table]!) expect(allowed, table).toContain(tenant);
  }
  for (const table of ['members', 'invitations']) expect(seen[table], table).toEqual([...allowed].sort());
}

describe('row-level security', () => {
  it('is enabled and forced on every table with a tenant_id', async () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['members', 'invitations']));
    const { rows } = await h.db.execute<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(sql`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relname in ${tenantTables}`);
    for (const row of rows) expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    expect(rows).toHaveLength(tenantTables.length);
  });

  it('runs the application as a role that cannot bypass it', async () => {
    const { rows } = await h.db.execute<{ current_user: string; rolbypassrls: boolean; rolsuper: boolean }>(
      sql`select current_user, rolbypassrls, rolsuper from pg_roles where rolname = current_user`,
    );
    expect(rows[0]).toEqual({ current_user: 'city_app', rolbypassrls: false, rolsuper: false });
  });

  it('shows an unscoped query no tenant rows at all', async () => {
    const seen = await visible((q) => h.db.execute(q));
    for (const table of tenantTables) expect(seen[table], table).toEqual([]);
  });

  it('shows a tenant transaction its own rows only and refuses writes into another tenant', async () => {
    const seen = await withTenant(h.db, ids.a, (tx) => visible((q) => tx.execute(q)));
    expectOnly(seen, [ids.a]);
    const refusedByPolicy = { cause: { message: expect.stringMatching(/row-level security/) } };
    await expect(
      withTenant(h.db, ids.a, (tx) =>
        tx.insert(schema.members).values({ tenantId: ids.b, userId: ids.user, displayName: 'x', roles: ['admin'] }),
      ),
    ).rejects.toMatchObject(refusedByPolicy);
    await expect(
      withTenant(h.db, ids.a, (tx) =>
        tx.execute(sql`update members set tenant_id = ${ids.b} where tenant_id = ${ids.a}`),
      ),
    ).rejects.toMatchObject(refusedByPolicy);
    const deleted = await withTenant(h.db, ids.a, (tx) =>
      tx.execute(sql`delete from invitations where tenant_id = ${ids.b}`),
    );
    expect(deleted.rowCount).toBe(0);
  });

  it('enters a tenant and reads the membership in one call, inside that tenant only', async () => {
    const member = await withTenantAs(h.db, ids.a, ids.user, async (tx, m) => {
      const seen = await visible((q) => tx.execute(q));
      expect(seen.members).toEqual([ids.a]);
      return m;
    });
    expect(member?.roles).toEqual(['resident']);
    expect(await withTenantAs(h.db, ids.a, crypto.randomUUID(), async (_tx, m) => m)).toBeUndefined();
  });

  it('lets supervisors read their branch only, and never write', async () => {
    const streetA = await withSupervision(h.db, ids.streetA, (tx) => visible((q) => tx.execute(q)));
    expectOnly(streetA, [ids.a]);
    const district = await withSupervision(h.db, ids.district, (tx) => visible((q) => tx.execute(q)));
    expect(district.members).toEqual([ids.a, ids.b].sort());
    await expect(
      withSupervision(h.db, ids.streetA, (tx) =>
        tx.execute(sql`update members set display_name = 'x' where tenant_id = ${ids.a}`),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/read-only transaction/) } });
  });

  it('lets a region act with its branch and the neighbourhoods below it, and leaves nothing behind', async () => {
    const settings = sql`select app_region() as region, app_region_branch() as branch,
      app_supervised_tenants() as tenants, app_tenant_regions() as above`;
    const read = async (exec: (query: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }>) => {
      const row = (await exec(settings)).rows[0] as { region: string | null; [list: string]: unknown };
      const sorted = (list: unknown) => [...(list as string[])].sort();
      return { region: row.region, branch: sorted(row.branch), tenants: sorted(row.tenants), above: sorted(row.above) };
    };
    expect(await withRegion(h.db, ids.streetA, (tx) => read((q) => tx.execute(q)))).toEqual({
      region: ids.streetA,
      branch: [ids.streetA, ids.communityA].sort(),
      tenants: [ids.a],
      above: [],
    });
    // Neighbourhood rows below the region are read as supervision reads them; none is written from a region.
    expectOnly(await withRegion(h.db, ids.streetA, (tx) => visible((q) => tx.execute(q))), [ids.a]);
    await expect(
      withRegion(h.db, ids.streetA, (tx) =>
        tx.execute(sql`update members set display_name = 'x' where tenant_id = ${ids.a}`),
      ),
    ).resolves.toMatchObject({ rowCount: 0 });
    // The next transactions on the connection, whatever their scope, carry no region.
    const inA = { region: null, branch: [], tenants: [], above: [ids.communityA, ids.streetA, ids.district].sort() };
    expect(await withTenant(h.db, ids.a, (tx) => read((q) => tx.execute(q)))).toEqual(inA);
    expect(await withTenantAs(h.db, ids.a, ids.user, (tx) => read((q) => tx.execute(q)))).toEqual(inA);
    expect(await read((q) => h.db.execute(q))).toEqual({ region: null, branch: [], tenants: [], above: [] });
  });

  it('lets a person see only their own memberships and invitations to their number', async () => {
    const own = await withUser(h.db, { id: ids.user, phone: ids.phone }, (tx) => visible((q) => tx.execute(q)));
    expect(own.members).toEqual([ids.a, ids.b].sort());
    expect(own.invitations).toEqual([ids.a, ids.b].sort());
    const stranger = await withUser(h.db, { id: crypto.randomUUID(), phone: randomPhone() }, (tx) =>
      visible((q) => tx.execute(q)),
    );
    for (const table of tenantTables) expect(stranger[table], table).toEqual([]);
  });
});

describe('applications to open a neighbourhood', () => {
  const visibleApplications = (exec: (query: ReturnType<typeof sql>) => Promise<{ rows: unknown[] }>) =>
    exec(sql`select id from neighbourhood_applications where id in ${Object.values(ids.applications)}`).then((result) =>
      (result.rows as { id: string }[]).map((r) => r.id).sort(),
    );
  const as = (userId: string) => (query: ReturnType<typeof sql>) =>
    withPerson(h.db, { userId }, (tx) => tx.execute(query));

  it('shows the applicant their own and the staff their branch’s, as the database decides', async () => {
    const { applications, reviewers } = ids;
    expect(await visibleApplications(as(ids.user))).toEqual([applications.a, applications.b].sort());
    expect(await visibleApplications(as(reviewers.streetA))).toEqual([applications.a, applications.other].sort());
    expect(await visibleApplications(as(reviewers.streetB))).toEqual([applications.b]);
    expect(await visibleApplications(as(reviewers.operator))).toEqual(Object.values(applications).sort());
  });

  it('shows them to nobody else: no scope, another person, the neighbourhood they opened, its supervisors', async () => {
    expect(await visibleApplications((q) => h.db.execute(q))).toEqual([]);
    expect(await visibleApplications(as(ids.reviewers.nobody))).toEqual([]);
    expect(await withTenant(h.db, ids.a, (tx) => visibleApplications((q) => tx.execute(q)))).toEqual([]);
    expect(await withSupervision(h.db, ids.streetA, (tx) => visibleApplications((q) => tx.execute(q)))).toEqual([]);
  });

  it('lets only the staff of the branch decide, and nobody apply in another person’s name', async () => {
    const decide = (userId: string, id: string) =>
      withPerson(h.db, { userId }, (tx) =>
        tx.execute(sql`update neighbourhood_applications set status = 'rejected', reason = 'x' where id = ${id}`),
      );
    expect((await decide(ids.reviewers.streetB, ids.applications.other)).rowCount).toBe(0);
    expect((await decide(ids.user, ids.applications.b)).rowCount).toBe(0);
    await expect(
      withPerson(h.db, { userId: ids.reviewers.nobody }, (tx) =>
        tx.insert(schema.neighbourhoodApplications).values({
          name: '冒名',
          nameKey: `冒名${ids.user}`,
          address: '某路1号',
          communityId: ids.communityA,
          applicantUserId: ids.user,
          applicantName: '冒名',
          applicantPhone: ids.phone,
        }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
  });
});
