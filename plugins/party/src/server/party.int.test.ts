import { describe, expect, it } from 'vitest';
import { schema, seedRegistry, useWorld, withTenant, type TestApp, type World } from '@city/testing';
import { sql } from 'drizzle-orm';
import { CONSENT } from '../values.ts';
import { partyManifest } from '../manifest.ts';
import { partyPlugin } from './index.ts';

const base = (slug: string) => `/api/v1/t/${slug}`;
const party = (slug: string, path: string) => `${base(slug)}/p/party${path}`;

/** Both neighbourhoods have the plugin; in A residentA and committeeA are verified owners. */
async function setUp(h: TestApp, world: World) {
  for (const [admin, tenant] of [
    ['adminA', world.tenantA],
    ['adminB', world.tenantB],
  ] as const) {
    for (const plugin of [partyPlugin]) {
      const res = await h.call('POST', `${base(tenant.slug)}/plugins/${plugin.manifest.id}/install`, {
        token: world.tokens[admin],
        json: { grantedScopes: [...plugin.manifest.scopes] },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  }
  const registry = await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { sun: '孙', zhao: '赵', other: '钱' },
    units: [
      { building: '1栋', room: '101', area: 9_000, owners: ['sun'] },
      { building: '1栋', room: '102', area: 9_000, owners: ['zhao'] },
      { building: '2栋', room: '101', area: 9_000, owners: ['other'] },
    ],
    verified: { sun: world.users.residentA.id, zhao: world.users.committeeA.id },
  });
  const buildings = await withTenant(h.services.db, world.tenantA.id, (tx) => tx.select().from(schema.buildings));
  const building = (name: string) => buildings.find((b) => b.name === name)!.id;
  return { unitIds: registry.unitIds, b1: building('1栋'), b2: building('2栋') };
}

const current = useWorld({ plugins: [partyPlugin], setUp });

async function setUpBranch(h: TestApp, world: World) {
  const res = await h.call('PUT', party(world.tenantA.slug, '/branch'), {
    token: world.tokens.adminA,
    json: { name: '甲小区党支部' },
  });
  expect(res.status).toBe(200);
}

const register = (h: TestApp, world: World, homeUnitId: string, who: 'residentA' | 'committeeA' = 'residentA') =>
  h.call('POST', party(world.tenantA.slug, '/registration'), {
    token: world.tokens[who],
    json: { consentVersion: CONSENT.version, workUnit: '区人民医院', homeUnitId },
  });

describe('智慧党建: the branch and its in-service members', () => {
  it('registers a member only with separate consent and a verified home, and the branch confirms', async () => {
    const { h, world, prepared } = current;
    const A = world.tenantA.slug;
    const [home] = prepared.unitIds;
    // No branch yet: nothing to register with.
    expect((await register(h, world, home!)).body.code).toBe('party.no_branch');
    await setUpBranch(h, world);

    const outdated = await h.call('POST', party(A, '/registration'), {
      token: world.tokens.residentA,
      json: { consentVersion: '2020-01', workUnit: '区人民医院', homeUnitId: home },
    });
    expect(outdated.body.code).toBe('party.consent_outdated');
    const noConsent = await h.call('POST', party(A, '/registration'), {
      token: world.tokens.residentA,
      json: { workUnit: '区人民医院', homeUnitId: home },
    });
    expect(noConsent.status).toBe(400);
    // Someone else's home (committeeA's unit) is not a home to register with.
    expect((await register(h, world, prepared.unitIds[1]!)).body.code).toBe('party.not_your_home');

    const registered = await register(h, world, home!);
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      status: 'pending',
      workUnit: '区人民医院',
      homeAddress: expect.stringContaining('1栋'),
    });
    expect((await register(h, world, home!)).body.code).toBe('party.already_registered');
    const badgeTooSoon = await h.call('PUT', party(A, '/registration/badge'), {
      token: world.tokens.residentA,
      json: { show: true },
    });
    expect(badgeTooSoon.body.code).toBe('party.not_confirmed');

    // Residents do not read the member list; the branch does, and each read is audited.
    expect((await h.call('GET', party(A, '/branch/members'), { token: world.tokens.residentA })).status).toBe(403);
    const list = await h.call('GET', party(A, '/branch/members?status=pending'), { token: world.tokens.adminA });
    expect(list.body.items).toEqual([
      expect.objectContaining({ name: world.users.residentA.displayName, status: 'pending', workUnit: '区人民医院' }),
    ]);
    const audit = await h.call('GET', `${base(A)}/audit`, { token: world.tokens.adminA });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('party.members_read');

    const memberId = list.body.items[0].id;
    const confirmed = await h.call('POST', party(A, `/branch/members/${memberId}/decision`), {
      token: world.tokens.adminA,
      json: { action: 'confirm' },
    });
    expect(confirmed.body).toMatchObject({ status: 'confirmed' });
    expect(confirmed.body.events.map((e: { kind: string }) => e.kind)).toEqual(['registered', 'confirmed']);
    const again = await h.call('POST', party(A, `/branch/members/${memberId}/decision`), {
      token: world.tokens.adminA,
      json: { action: 'decline', note: '重复' },
    });
    expect(again.body.code).toBe('party.member_decided');
    const overview = await h.call('GET', party(A, '/overview'), { token: world.tokens.residentA });
    expect(overview.body.me).toMatchObject({ status: 'confirmed', showBadge: false });
    expect(overview.body.branch).toMatchObject({ name: '甲小区党支部' });
  });

  it('forgets everything at once when the member withdraws consent, and exports it before', async () => {
    const { h, world, prepared } = current;
    const A = world.tenantA.slug;
    await setUpBranch(h, world);
    await register(h, world, prepared.unitIds[0]!);
    const exported = await h.call('GET', '/api/v1/me/personal-data', { token: world.tokens.residentA });
    const inA = exported.body.neighbourhoods.find((n: { tenant: { id: string } }) => n.tenant.id === world.tenantA.id);
    expect(inA.plugins.party.在职党员报到).toEqual([
      expect.objectContaining({ 状态: 'pending', 工作单位: '区人民医院', 同意书版本: CONSENT.version }),
    ]);

    const withdrawn = await h.call('DELETE', party(A, '/registration'), { token: world.tokens.residentA });
    expect(withdrawn.status).toBe(204);
    expect((await h.call('GET', party(A, '/overview'), { token: world.tokens.residentA })).body.me).toBeNull();
    expect((await h.call('GET', party(A, '/branch/members'), { token: world.tokens.adminA })).body.items).toEqual([]);
    const left = await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.execute(sql`select count(*)::int as n from party_members`),
    );
    expect(left.rows[0]).toEqual({ n: 0 });
    expect((await h.call('DELETE', party(A, '/registration'), { token: world.tokens.residentA })).body.code).toBe(
      'party.not_registered',
    );
  });

  it('binds groups to registry buildings and shows residents who leads their building, number masked', async () => {
    const { h, world, prepared } = current;
    const A = world.tenantA.slug;
    await setUpBranch(h, world);
    const group = await h.call('POST', party(A, '/groups'), {
      token: world.tokens.adminA,
      json: { name: '第一党小组', buildingIds: [prepared.b1], leaderUserId: world.users.committeeA.id },
    });
    expect(group.status).toBe(201);
    const twice = await h.call('POST', party(A, '/groups'), {
      token: world.tokens.adminA,
      json: { name: '第二党小组', buildingIds: [prepared.b1, prepared.b2] },
    });
    expect(twice.body.code).toBe('party.building_taken');
    const foreign = await h.call('POST', party(A, '/groups'), {
      token: world.tokens.adminA,
      json: { name: '第二党小组', buildingIds: [crypto.randomUUID()] },
    });
    expect(foreign.body.code).toBe('party.building_missing');

    const leader = await h.call('POST', party(A, '/leaders'), {
      token: world.tokens.adminA,
      json: { kind: 'building', buildingId: prepared.b1, userId: world.users.committeeA.id, phone: '13812345678' },
    });
    expect(leader.status).toBe(201);
    const taken = await h.call('POST', party(A, '/leaders'), {
      token: world.tokens.adminA,
      json: { kind: 'building', buildingId: prepared.b1, userId: world.users.staffA.id, phone: '13812345679' },
    });
    expect(taken.body.code).toBe('party.place_taken');
    const noFloor = await h.call('POST', party(A, '/leaders'), {
      token: world.tokens.adminA,
      json: {
        kind: 'floor',
        buildingId: prepared.b1,
        entrance: '1',
        floor: 99,
        userId: world.users.staffA.id,
        phone: '13812345679',
      },
    });
    expect(noFloor.body.code).toBe('party.place_missing');
    const outsider = await h.call('POST', party(A, '/leaders'), {
      token: world.tokens.adminA,
      json: { kind: 'building', buildingId: prepared.b2, userId: world.users.adminB.id, phone: '13812345679' },
    });
    expect(outsider.body.code).toBe('party.person_missing');

    const overview = await h.call('GET', party(A, '/overview'), { token: world.tokens.residentA });
    expect(overview.body.places).toEqual([
      {
        address: expect.stringContaining('1栋'),
        group: { name: '第一党小组', leaderName: world.users.committeeA.displayName },
        leaders: [
          expect.objectContaining({
            kind: 'building',
            name: world.users.committeeA.displayName,
            phoneMasked: '138****5678',
            phone: '13812345678',
          }),
        ],
      },
    ]);
  });

  it('lets the members the admin gives the branch role run it, and nobody else', async () => {
    const { h, world } = current;
    const A = world.tenantA.slug;
    await setUpBranch(h, world);
    for (const who of ['committeeA', 'staffA', 'residentA'] as const)
      expect((await h.call('GET', party(A, '/branch'), { token: world.tokens[who] })).status, who).toBe(403);
    const given = await h.call('PUT', `${base(A)}/plugins/party/roles/${world.members.committeeA}`, {
      token: world.tokens.adminA,
      json: { roles: ['branch'] },
    });
    expect(given.status).toBe(200);
    const officers = await h.call('PUT', party(A, '/branch/officers'), {
      token: world.tokens.committeeA,
      json: { officers: [{ userId: world.users.committeeA.id, position: 'secretary' }] },
    });
    expect(officers.status).toBe(200);
    expect(officers.body.branch.officers).toEqual([
      { userId: world.users.committeeA.id, name: world.users.committeeA.displayName, position: 'secretary' },
    ]);
    // Residents see the committee on their page, and only whether they run the branch.
    const overview = await h.call('GET', party(A, '/overview'), { token: world.tokens.residentA });
    expect(overview.body).toMatchObject({
      runsBranch: false,
      branch: { officers: [expect.objectContaining({ position: 'secretary' })] },
    });
    expect((await h.call('GET', party(A, '/overview'), { token: world.tokens.committeeA })).body.runsBranch).toBe(true);
  });

  it('keeps each neighbourhood to its own branch', async () => {
    const { h, world, prepared } = current;
    const [A, B] = [world.tenantA.slug, world.tenantB.slug];
    await setUpBranch(h, world);
    await register(h, world, prepared.unitIds[0]!);
    expect((await h.call('GET', party(A, '/branch/members'), { token: world.tokens.adminB })).status).toBe(404);
    expect((await h.call('GET', party(A, '/overview'), { token: world.tokens.adminB })).status).toBe(404);
    const inB = await h.call('GET', party(B, '/branch'), { token: world.tokens.adminB });
    expect(inB.body).toMatchObject({ branch: null, groups: [], leaders: [], counts: { pending: 0, confirmed: 0 } });
    const [member] = (await h.call('GET', party(A, '/branch/members'), { token: world.tokens.adminA })).body.items;
    const crossed = await h.call('POST', party(B, `/branch/members/${member.id}/decision`), {
      token: world.tokens.adminB,
      json: { action: 'confirm' },
    });
    expect(crossed.body.code).toBe('party.member_missing');
  });

  it('keeps every table of the plugin under forced row-level security', async () => {
    const { h } = current;
    const { rows } = await h.services.db.execute(sql`
      select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relkind = 'r' and relname like 'party\_%'`);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const row of rows) expect(row).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    expect(partyManifest.scopes).toContain('profile:badges');
  });
});
