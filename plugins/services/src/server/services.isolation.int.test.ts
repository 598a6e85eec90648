import { databaseRefusal, randomUscc, useWorld, withOrganisation, withTenant } from '@city/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { servicesPlugin } from './index.ts';
import { expectStatus, openVendor, orderBody, paths, verifyHomes } from './testing.ts';

const current = useWorld({ plugins: [servicesPlugin] });

/** The vendor of `openVendor`, also admitted to B with the same offering listed there, and one order in each. */
async function servingBoth() {
  const { h, world } = current;
  const s = await openVendor(h, world, 5);
  const { vendor, a, b } = paths(world);
  const owner = { token: world.tokens.vendorOwner };
  expectStatus(
    'apply B',
    await h.call('POST', `${vendor}/applications`, { ...owner, json: { neighbourhood: world.tenantB.slug } }),
    201,
  );
  expectStatus(
    'admit B',
    await h.call('POST', `${b}/admin/vendors/${world.organisation.id}/decision`, {
      token: world.tokens.adminB,
      json: { decision: 'admit' },
    }),
    200,
  );
  expectStatus(
    'list',
    await h.call('PUT', `${vendor}/offerings/${s.offeringId}/neighbourhoods`, {
      ...owner,
      json: { tenantIds: [world.tenantA.id, world.tenantB.id] },
    }),
    200,
  );
  const [unitB] = await verifyHomes(h, world.tenantB.id, [world.users.adminB.id]);
  const inA = expectStatus(
    'order A',
    await h.call('POST', `${a}/orders`, { token: world.tokens.residentA, json: orderBody(s, { notes: '甲的私事' }) }),
    201,
  );
  const inB = expectStatus(
    'order B',
    await h.call('POST', `${b}/orders`, {
      token: world.tokens.adminB,
      json: orderBody(s, { unitId: unitB, notes: '乙的私事' }),
    }),
    201,
  );
  await h.call('POST', `${a}/orders/${inA.body.id}/complaint`, {
    token: world.tokens.residentA,
    json: { body: '甲的投诉' },
  });
  return { s, orderA: inA.body.id as string, orderB: inB.body.id as string };
}

describe('who sees what: neighbourhoods, vendors, the database itself', () => {
  it('shows the vendor both neighbourhoods in one inbox, and each neighbourhood only its own', async () => {
    const { h, world } = current;
    const { orderA, orderB } = await servingBoth();
    const { vendor, a, b } = paths(world);
    const inbox = await h.call('GET', `${vendor}/orders`, { token: world.tokens.vendorStaff });
    expect(inbox.body.items.map((o: { id: string }) => o.id).sort()).toEqual([orderA, orderB].sort());
    const onlyB = await h.call('GET', `${vendor}/orders?tenantId=${world.tenantB.id}`, {
      token: world.tokens.vendorStaff,
    });
    expect(onlyB.body.items.map((o: { id: string }) => o.id)).toEqual([orderB]);

    const adminB = await h.call('GET', `${b}/admin/vendors`, { token: world.tokens.adminB });
    expect(adminB.body.items[0]).toMatchObject({ orders: { total: 1 }, openComplaints: 0 });
    expect((await h.call('GET', `${b}/admin/complaints`, { token: world.tokens.adminB })).body.items).toEqual([]);
    expect((await h.call('GET', `${b}/orders/${orderA}`, { token: world.tokens.adminB })).status).toBe(404);
    expect(
      (await h.call('POST', `${b}/orders/${orderA}/cancel`, { token: world.tokens.adminB, json: {} })).status,
    ).toBe(404);
    expect((await h.call('GET', `${a}/orders/${orderB}`, { token: world.tokens.residentA })).status).toBe(404);
    // Another resident of A does not see A's order either.
    expect((await h.call('GET', `${a}/orders/${orderA}`, { token: world.tokens.committeeA })).status).toBe(404);
    expect((await h.call('GET', `${a}/orders`, { token: world.tokens.committeeA })).body.items).toEqual([]);
  });

  it("gives another business nothing of this vendor's", async () => {
    const { h, world } = current;
    const { orderA, s } = await servingBoth();
    const rival = expectStatus(
      'rival',
      await h.call('POST', '/api/v1/organisations', {
        token: world.tokens.outsider,
        json: { name: '竞争对手', uscc: randomUscc(), contactName: '王', contactPhone: '13700001111' },
      }),
      201,
    );
    const own = `/api/v1/o/${rival.body.id}/p/services`;
    const token = world.tokens.outsider;
    for (const path of ['/orders', `/orders/${orderA}`, '/offerings', '/dashboard', '/reviews']) {
      expect((await h.call('GET', `${paths(world).vendor}${path}`, { token })).status, path).toBe(404);
    }
    expect((await h.call('GET', `${own}/orders`, { token })).body.items).toEqual([]);
    expect((await h.call('GET', `${own}/orders/${orderA}`, { token })).status).toBe(404);
    expect(
      (await h.call('POST', `${own}/orders/${orderA}/transition`, { token, json: { to: 'accepted' } })).status,
    ).toBe(404);
    expect((await h.call('PATCH', `${own}/offerings/${s.offeringId}`, { token, json: { title: '抢' } })).status).toBe(
      404,
    );
    expect((await h.call('DELETE', `${own}/slots/${s.slotId}`, { token })).status).toBe(404);
    expect((await h.call('GET', `${own}/dashboard`, { token })).body.neighbourhoods).toEqual([]);
  });

  it('holds in the database: row-level security and guards, whatever the code asks', async () => {
    const { h, world } = current;
    const { orderA, orderB, s } = await servingBoth();
    const asPlugin = sql`select set_config('role', 'city_p_services', true)`;
    const visibleInB = await withTenant(h.services.db, world.tenantB.id, async (tx) => {
      await tx.execute(asPlugin);
      const { rows } = await tx.execute<{ id: string }>(sql`select id from services_orders`);
      return rows.map((r) => r.id);
    });
    expect(visibleInB).toEqual([orderB]);
    const complaintsInB = await withTenant(h.services.db, world.tenantB.id, async (tx) => {
      await tx.execute(asPlugin);
      return (await tx.execute(sql`select id from services_complaints`)).rows;
    });
    expect(complaintsInB).toEqual([]);
    expect(orderA).not.toBe(orderB);

    // An organisation cannot lift its own suspension; a neighbourhood cannot change a vendor's slot beyond its seats.
    const suspended = await h.call('POST', `${paths(world).b}/admin/vendors/${world.organisation.id}/decision`, {
      token: world.tokens.adminB,
      json: { decision: 'suspend', reason: '整改' },
    });
    expect(suspended.body.status).toBe('suspended');
    const selfAdmitted = databaseRefusal(
      withOrganisation(h.services.db, world.organisation.id, async (tx) => {
        await tx.execute(asPlugin);
        await tx.execute(sql`update services_admissions set status = 'admitted' where tenant_id = ${world.tenantB.id}`);
      }),
    );
    expect(await selfAdmitted).toEqual({ code: '42501', message: 'an organisation cannot decide its own admission' });
    const moreSeats = databaseRefusal(
      withTenant(h.services.db, world.tenantA.id, async (tx) => {
        await tx.execute(asPlugin);
        await tx.execute(sql`update services_slots set capacity = 100 where id = ${s.slotId}`);
      }),
    );
    expect(await moreSeats).toEqual({
      code: '42501',
      message: 'a neighbourhood changes only the seats booked in a slot',
    });
    // …and never oversells, even asked directly.
    const oversold = databaseRefusal(
      withOrganisation(h.services.db, world.organisation.id, async (tx) => {
        await tx.execute(asPlugin);
        await tx.execute(sql`update services_slots set booked = capacity + 1 where id = ${s.slotId}`);
      }),
    );
    expect(await oversold).toMatchObject({ code: '23514', message: expect.stringContaining('services_slots') });
  });

  it('forces row-level security on every table of the plugin, each scoped to a neighbourhood or an organisation', async () => {
    const { h } = current;
    const { rows } = await h.database.db.execute<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      scoped: boolean;
    }>(sql`
      select relname, relrowsecurity, relforcerowsecurity,
        exists (select 1 from pg_attribute where attrelid = c.oid and attname in ('tenant_id', 'organisation_id')) as scoped
      from pg_class c where relnamespace = 'public'::regnamespace and relkind = 'r' and relname like 'services\_%'`);
    expect(rows.map((r) => r.relname).sort()).toEqual(
      [
        'admissions',
        'complaints',
        'images',
        'listings',
        'offerings',
        'order_events',
        'orders',
        'reviews',
        'slots',
        'vendors',
      ].map((t) => `services_${t}`),
    );
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true, scoped: true });
  });
});
