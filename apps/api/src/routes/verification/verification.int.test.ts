import { schema, withTenant } from '@city/db';
import { randomPhone, useWorld, WORLD_PASSWORD } from '@city/testing';
import { describe, expect, it } from 'vitest';

const current = useWorld();
const t = () => `/api/v1/t/${current.world.tenantA.slug}`;
const as = (token: string | undefined, method: string, path: string, json?: unknown) =>
  current.h.call(method, `${t()}${path}`, { token, ...(json ? { json } : {}) });
const admin = (method: string, path: string, json?: unknown) => as(current.world.tokens.adminA, method, path, json);

/** A unit with a registered owner whose number is `ownerPhone`, and a person with an account. */
async function setup(ownerPhone = randomPhone()) {
  const building = (await admin('POST', '/registry/buildings', { name: '3栋' })).body;
  const unit = (
    await admin('POST', '/registry/units', {
      buildingId: building.id,
      entrance: '2单元',
      floor: 15,
      room: '1502',
      registeredArea: '96.40',
      saleStatus: 'sold_delivered',
    })
  ).body;
  await admin('PUT', `/registry/units/${unit.id}/owners`, {
    owners: [{ name: '周业主', phone: ownerPhone, designatedVoter: true }],
    reason: '登记',
  });
  return { building, unit, ownerPhone };
}

async function person(phone = randomPhone()) {
  const { services } = current.h;
  const [user] = await services.db
    .insert(schema.users)
    .values({
      phone,
      displayName: `住户${phone.slice(-4)}`,
      passwordHash: await services.passwords.hash(WORLD_PASSWORD),
    })
    .returning();
  return { user: user!, token: (await services.sessions.create(user!.id, 'vitest')).token };
}

/** Codes as printed on the letters (the PDF carries them; the service hands them to the renderer). */
async function issue(buildingId: string | null = null, validDays = 30) {
  const { services, clock, world } = { ...current.h, world: current.world };
  return withTenant(services.db, world.tenantA.id, (tx) =>
    services.verification.issueCodes(
      tx,
      {
        tenantId: world.tenantA.id,
        tenantSlug: world.tenantA.slug,
        actor: { id: world.users.adminA.id, displayName: 'admin' },
        at: clock.now(),
      },
      { buildingId, validDays },
    ),
  );
}

describe('resident verification', () => {
  it('prints one letter per unit as a PDF and stores codes only as hashes', async () => {
    const { building } = await setup();
    await admin('POST', '/registry/units', {
      buildingId: building.id,
      entrance: '2单元',
      floor: 15,
      room: '1503',
      saleStatus: 'unsold',
    });
    const res = await current.h.app.request(`${t()}/registry/letters`, {
      method: 'POST',
      headers: { authorization: `Bearer ${current.world.tokens.adminA}`, 'content-type': 'application/json' },
      body: JSON.stringify({ buildingId: building.id, validDays: 14 }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(2);
    const codes = [...pdf.matchAll(/code=([A-Z0-9]{10})/g)].map((m) => m[1]);
    expect(new Set(codes).size).toBe(2);
    const rows = await withTenant(current.h.database.db, current.world.tenantA.id, (tx) =>
      tx.select().from(schema.unitCodes),
    );
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toContain(codes[0]);
    const trail = (await admin('GET', '/audit')).body.items;
    expect(trail[0]).toMatchObject({ action: 'verification.codes_issued' });
  });

  it('verifies the registered owner by code, makes them a resident, and opens owners-only notices to them', async () => {
    const { unit, ownerPhone, building } = await setup();
    const { letters } = await issue();
    const owner = await person(ownerPhone);
    const claimed = await as(owner.token, 'POST', '/claims', {
      code: letters[0]!.code.toLowerCase(),
      relation: 'owner',
      displayName: '周业主',
    });
    expect(claimed.status).toBe(201);
    expect(claimed.body).toMatchObject({
      unitId: unit.id,
      status: 'verified',
      method: 'code',
      relation: 'owner',
      isOwner: true,
      ownerName: '周业主',
      address: '3栋 2单元 1502',
    });

    for (const [audience, buildingId] of [
      ['owners', null],
      ['building', building.id],
    ] as const) {
      const draft = (
        await admin('POST', '/notices', {
          category: 'notice',
          title: `仅${audience}`,
          body: '内容',
          audience,
          buildingId,
        })
      ).body;
      await admin('POST', `/notices/${draft.id}/publish`);
    }
    const mine = await as(owner.token, 'GET', '/notices');
    expect(mine.body.items.map((n: { title: string }) => n.title).sort()).toEqual(['仅building', '仅owners']);
    const resident = await as(current.world.tokens.residentA, 'GET', '/notices');
    expect(resident.body.items.map((n: { title: string }) => n.title)).toEqual([]);

    const again = await as(owner.token, 'POST', '/claims', {
      code: letters[0]!.code,
      relation: 'owner',
      displayName: '周业主',
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('claim_code_used');
  });

  it('lets exactly one of two simultaneous claims of the same code succeed', async () => {
    await setup();
    const { letters } = await issue();
    const [p1, p2] = [await person(), await person()];
    const results = await Promise.all(
      [p1, p2].map((p) =>
        as(p.token, 'POST', '/claims', { code: letters[0]!.code, relation: 'family', displayName: '家人' }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await withTenant(current.h.database.db, current.world.tenantA.id, (tx) =>
      tx.select().from(schema.verifications),
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses wrong, expired and replaced codes with clear messages', async () => {
    await setup();
    const p = await person();
    const wrong = await as(p.token, 'POST', '/claims', {
      code: 'ABCD-EFGH-JK',
      relation: 'family',
      displayName: '家人',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'claim_code_invalid', title: '认证码不正确，请核对邀请函' });
    const malformed = await as(p.token, 'POST', '/claims', { code: 'O0O0', relation: 'family', displayName: '家人' });
    expect(malformed.body.errors[0]).toMatchObject({ path: 'code', code: 'claim_code_format' });

    const first = await issue(null, 1);
    const replaced = await issue(null, 1);
    const old = await as(p.token, 'POST', '/claims', {
      code: first.letters[0]!.code,
      relation: 'family',
      displayName: '家人',
    });
    expect(old).toMatchObject({ status: 410, body: { code: 'claim_code_expired' } });
    current.h.clock.advance(2 * 24 * 60 * 60 * 1000);
    const expired = await as(p.token, 'POST', '/claims', {
      code: replaced.letters[0]!.code,
      relation: 'family',
      displayName: '家人',
    });
    expect(expired).toMatchObject({ status: 410, body: { code: 'claim_code_expired' } });
  });

  it('leaves a claimed ownership that the registry does not confirm for the admin to decide', async () => {
    const { unit } = await setup();
    const { letters } = await issue();
    const stranger = await person();
    const claimed = await as(stranger.token, 'POST', '/claims', {
      code: letters[0]!.code,
      relation: 'owner',
      displayName: '自称业主',
    });
    expect(claimed.body).toMatchObject({ status: 'pending', isOwner: false });
    // Not a member until decided: residents-only notices stay closed.
    expect((await as(stranger.token, 'GET', '/notices')).status).toBe(404);
    const queue = await admin('GET', '/verifications?status=pending');
    expect(queue.body.items.map((v: { id: string }) => v.id)).toEqual([claimed.body.id]);
    const ownerId = (await admin('GET', `/registry/units/${unit.id}`)).body.owners[0].ownerId;
    const missing = await admin('POST', `/verifications/${claimed.body.id}/approve`, {
      relation: 'owner',
      reason: '核对房产证',
    });
    expect(missing.body.errors[0]).toMatchObject({ path: 'ownerId', code: 'owner_record_required' });
    const approved = await admin('POST', `/verifications/${claimed.body.id}/approve`, {
      relation: 'owner',
      ownerId,
      reason: '核对房产证，手机号已更换',
    });
    expect(approved.body).toMatchObject({
      status: 'verified',
      isOwner: true,
      decisionReason: '核对房产证，手机号已更换',
    });
    expect(approved.body.decidedBy).toBe(current.world.users.adminA.displayName);
    expect((await as(stranger.token, 'GET', '/notices')).status).toBe(200);
  });

  it('takes requests for approval, rejects with a reason, and revokes with an audited reason', async () => {
    await setup();
    const renter = await person();
    const unknown = await as(renter.token, 'POST', '/verifications', {
      building: '9栋',
      room: '101',
      relation: 'renter',
      displayName: '租户',
    });
    expect(unknown).toMatchObject({ status: 400, body: { code: 'unit_unknown' } });
    const asked = await as(renter.token, 'POST', '/verifications', {
      building: '3栋',
      entrance: '2单元',
      room: '1502',
      relation: 'renter',
      displayName: '租户小刘',
      note: '租期一年',
    });
    expect(asked.body).toMatchObject({
      status: 'pending',
      method: 'approval',
      note: '租期一年',
      phone: expect.stringMatching(/^\d{3}\*{4}\d{4}$/),
    });
    const twice = await as(renter.token, 'POST', '/verifications', {
      building: '3栋',
      entrance: '2单元',
      room: '1502',
      relation: 'renter',
      displayName: '租户小刘',
    });
    expect(twice.body.code).toBe('already_verified');
    const mine = await as(renter.token, 'GET', '/my/units');
    expect(mine.body.items).toHaveLength(1);

    const approved = await admin('POST', `/verifications/${asked.body.id}/approve`, {
      relation: 'renter',
      reason: '核对租赁合同',
    });
    expect(approved.body).toMatchObject({ status: 'verified', relation: 'renter', isOwner: false });
    const revoked = await admin('POST', `/verifications/${asked.body.id}/revoke`, { reason: '租约到期搬离' });
    expect(revoked.body).toMatchObject({ status: 'revoked', revokeReason: '租约到期搬离' });
    expect((await as(renter.token, 'GET', '/notices')).status).toBe(404);
    const again = await admin('POST', `/verifications/${asked.body.id}/revoke`, { reason: '重复操作' });
    expect(again.body.code).toBe('verification_state');

    const other = await person();
    const second = await as(other.token, 'POST', '/verifications', {
      building: '3栋',
      entrance: '2单元',
      room: '1502',
      relation: 'family',
      displayName: '陌生人',
    });
    const rejected = await admin('POST', `/verifications/${second.body.id}/reject`, { reason: '查无此人' });
    expect(rejected.body).toMatchObject({ status: 'rejected', decisionReason: '查无此人' });

    const actions = (await admin('GET', '/audit')).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'verification.requested',
        'verification.approved',
        'verification.revoked',
        'verification.rejected',
        'member.joined',
      ]),
    );
    expect((await admin('GET', '/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('pages the queue oldest first and the rest newest first, finds a name or room, and keeps to its neighbourhood', async () => {
    await setup();
    const ask = async (displayName: string) =>
      as((await person()).token, 'POST', '/verifications', {
        building: '3栋',
        entrance: '2单元',
        room: '1502',
        relation: 'family',
        displayName,
      });
    const asked = [];
    for (const name of ['甲家人', '乙家人', '丙家人']) asked.push((await ask(name)).body.id as string);
    const ids = (page: { body: { items: { id: string }[] } }) => page.body.items.map((v) => v.id);

    const first = await admin('GET', '/verifications?status=pending&limit=2');
    expect(ids(first)).toEqual(asked.slice(0, 2));
    const rest = await admin('GET', `/verifications?status=pending&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(rest)).toEqual(asked.slice(2));
    expect(rest.body.nextCursor).toBeNull();

    for (const id of asked) await admin('POST', `/verifications/${id}/approve`, { relation: 'family', reason: '核实' });
    const newest = await admin('GET', '/verifications?status=verified&limit=2');
    expect(ids(newest)).toEqual([asked[2], asked[1]]);
    expect(ids(await admin('GET', `/verifications?status=verified&q=${encodeURIComponent('乙家')}`))).toEqual([
      asked[1],
    ]);
    expect((await admin('GET', '/verifications?status=verified&q=1502')).body.items).toHaveLength(3);
    expect((await admin('GET', '/verifications?cursor=not-ours')).body.errors[0].path).toBe('query.cursor');

    const foreign = await current.h.call('GET', `${t()}/verifications?status=verified&q=1502`, {
      token: current.world.tokens.adminB,
    });
    expect(foreign.status).toBe(404);
    const own = await current.h.call('GET', `/api/v1/t/${current.world.tenantB.slug}/verifications?q=1502`, {
      token: current.world.tokens.adminB,
    });
    expect(own.body.items).toEqual([]);
  });

  it('limits code guessing per person', async () => {
    await setup();
    const p = await person();
    let last = 0;
    for (let i = 0; i < 11; i++)
      last = (await as(p.token, 'POST', '/claims', { code: 'ABCD-EFGH-JK', relation: 'family', displayName: '猜' }))
        .status;
    expect(last).toBe(429);
  });
});
