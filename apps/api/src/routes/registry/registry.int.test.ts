import { schema, withTenant } from '@city/db';
import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();
const base = () => `/api/v1/t/${current.world.tenantA.slug}/registry`;
const asAdmin = (method: string, path: string, json?: unknown) =>
  current.h.call(method, `${base()}${path}`, { token: current.world.tokens.adminA, ...(json ? { json } : {}) });

async function building(name = '1栋') {
  return (await asAdmin('POST', '/buildings', { name })).body;
}
async function unit(
  buildingId: string,
  room: string,
  areas: Record<string, string | null> = { registeredArea: '89.50' },
) {
  return asAdmin('POST', '/units', {
    buildingId,
    entrance: '1单元',
    floor: Number(room.slice(0, -2)),
    room,
    saleStatus: 'sold_delivered',
    ...areas,
  });
}

const owner = (name: string, idNumber: string | null, designatedVoter = false, phone: string | null = null) => ({
  name,
  idNumber,
  designatedVoter,
  phone,
});

describe('property registry', () => {
  it('keeps buildings and units with exact areas and the area that counts', async () => {
    const b = await building();
    const first = await unit(b.id, '1201', { registeredArea: '89.50', measuredArea: '90.12', contractArea: '91.00' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ registeredArea: '89.50', countingArea: '89.50', areaSource: 'registered' });
    const measured = await unit(b.id, '1202', { registeredArea: null, measuredArea: '90.12', contractArea: '91' });
    expect(measured.body).toMatchObject({ countingArea: '90.12', areaSource: 'measured', contractArea: '91.00' });
    const list = await asAdmin('GET', '/buildings');
    expect(list.body.items).toEqual([expect.objectContaining({ name: '1栋', unitCount: 2 })]);
    const units = await asAdmin('GET', `/buildings/${b.id}/units`);
    expect(units.body.items.map((u: { room: string }) => u.room)).toEqual(['1201', '1202']);
    const [row] = await withTenant(current.h.database.db, current.world.tenantA.id, (tx) =>
      tx.select().from(schema.units).limit(1),
    );
    expect(row!.registeredArea).toBe(8950);
  });

  it('changes owners with history, one designated voter, and recognises a buyer of several units', async () => {
    const b = await building();
    const a = (await unit(b.id, '301')).body;
    const c = (await unit(b.id, '302')).body;
    const couple = [owner('王强', '11010519491231002X', true, '13811112222'), owner('李梅', null)];
    const set = await asAdmin('PUT', `/units/${a.id}/owners`, { owners: couple, reason: '按不动产登记簿录入' });
    expect(set.status).toBe(200);
    expect(set.body.owners).toEqual([
      expect.objectContaining({
        name: '王强',
        designatedVoter: true,
        idNumber: '1101**********002X',
        phone: '138****2222',
      }),
      expect.objectContaining({ name: '李梅', designatedVoter: false, idNumber: null }),
    ]);
    const second = await asAdmin('PUT', `/units/${c.id}/owners`, {
      owners: [owner('王强', '11010519491231002x', true)],
      reason: '同一买受人',
    });
    expect(second.body.owners[0].ownerId).toBe(set.body.owners[0].ownerId);

    const sold = await asAdmin('PUT', `/units/${a.id}/owners`, {
      owners: [owner('赵新', null, true)],
      reason: '二手房过户',
    });
    expect(sold.body.owners.map((o: { name: string }) => o.name)).toEqual(['赵新']);
    expect(sold.body.ownerHistory.map((o: { name: string }) => o.name).sort()).toEqual(['李梅', '王强']);
    expect(sold.body.ownerHistory.every((o: { until: string | null }) => o.until)).toBe(true);
  });

  it('never stores an ID number in clear, and logs every read of a full phone number', async () => {
    const b = await building();
    const a = (await unit(b.id, '501')).body;
    const set = await asAdmin('PUT', `/units/${a.id}/owners`, {
      owners: [owner('钱多', '11010519491231002X', true, '13911112222')],
      reason: '录入',
    });
    const rows = await withTenant(current.h.database.db, current.world.tenantA.id, (tx) =>
      tx.select().from(schema.owners),
    );
    expect(JSON.stringify(rows)).not.toContain('11010519491231002X');
    expect(JSON.stringify(rows)).not.toContain('194912310');
    const contact = await asAdmin('GET', `/owners/${set.body.owners[0].ownerId}/contact`);
    expect(contact.body.phone).toBe('13911112222');
    const trail = await current.h.call('GET', `/api/v1/t/${current.world.tenantA.slug}/audit`, {
      token: current.world.tokens.adminA,
    });
    expect(trail.body.items[0]).toMatchObject({
      action: 'personal_data.read',
      targetId: set.body.owners[0].ownerId,
      details: { field: 'phone' },
    });
    expect(
      (
        await current.h.call('GET', `${base()}/owners/${set.body.owners[0].ownerId}/contact`, {
          token: current.world.tokens.staffA,
        })
      ).status,
    ).toBe(403);
  });

  it('explains bad input field by field and refuses duplicates', async () => {
    const b = await building();
    const bad = await unit(b.id, '601', { registeredArea: '89.505' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({
      path: 'registeredArea',
      message: '面积为平方米，最多两位小数，如 89.50',
    });
    await unit(b.id, '602');
    const dup = await unit(b.id, '602');
    expect(dup.status).toBe(409);
    const u = (await unit(b.id, '603')).body;
    const noVoter = await asAdmin('PUT', `/units/${u.id}/owners`, {
      owners: [owner('甲', null), owner('乙', null)],
      reason: '共有',
    });
    expect(noVoter.body.errors[0]).toMatchObject({ path: 'owners', message: '共有人中须指定且仅指定一名投票人' });
    const badId = await asAdmin('PUT', `/units/${u.id}/owners`, {
      owners: [owner('丙', '110105194912310021', true)],
      reason: '录入',
    });
    expect(badId.body.errors[0]).toMatchObject({ path: 'owners.0.idNumber', message: '身份证号格式或校验位不正确' });
    expect((await asAdmin('POST', '/buildings', { name: '1栋' })).status).toBe(409);
  });

  it('orders buildings and rooms as people count, with how many units are vacant or owner-verified', async () => {
    const { world, h } = current;
    const tenth = await building('10栋');
    const second = await building('2栋');
    for (const room of ['1001', '202', '101', '102']) await unit(second.id, room);
    const units = (await asAdmin('GET', `/buildings/${second.id}/units`)).body.items;
    expect(units.map((u: { room: string }) => u.room)).toEqual(['101', '102', '202', '1001']);
    const [verified, owned] = units as { id: string }[];
    const couple = await asAdmin('PUT', `/units/${verified!.id}/owners`, {
      owners: [owner('蔡超', null, true), owner('冯海燕', null)],
      reason: '录入',
    });
    await asAdmin('PUT', `/units/${owned!.id}/owners`, { owners: [owner('韩磊', null, true)], reason: '录入' });
    await withTenant(h.database.db, world.tenantA.id, (tx) =>
      tx.insert(schema.verifications).values({
        tenantId: world.tenantA.id,
        unitId: verified!.id,
        userId: world.users.residentA.id,
        displayName: '冯海燕',
        relation: 'owner',
        ownerId: couple.body.owners[1].ownerId,
        status: 'verified',
        method: 'approval',
      }),
    );

    const list = (await asAdmin('GET', '/buildings')).body.items;
    expect(list.map((b: { name: string }) => b.name)).toEqual(['2栋', '10栋']);
    expect(list[0]).toMatchObject({ id: second.id, unitCount: 4, verifiedCount: 1, vacantCount: 2 });
    expect(list[1]).toMatchObject({ id: tenth.id, unitCount: 0, verifiedCount: 0, vacantCount: 0 });
    const after = (await asAdmin('GET', `/buildings/${second.id}/units`)).body.items;
    expect(after[0].owners.map((o: { name: string; verified: boolean }) => [o.name, o.verified])).toEqual([
      ['蔡超', false],
      ['冯海燕', true],
    ]);
    expect(after[1].owners.map((o: { verified: boolean }) => o.verified)).toEqual([false]);
  });

  it('audits edits with what changed, lets staff read and only admins write', async () => {
    const b = await building();
    const u = (await unit(b.id, '701')).body;
    const edited = await asAdmin('PATCH', `/units/${u.id}`, { measuredArea: '90.00', saleStatus: 'sold_undelivered' });
    expect(edited.body).toMatchObject({ measuredArea: '90.00', saleStatus: 'sold_undelivered', countingArea: '89.50' });
    const trail = await current.h.call('GET', `/api/v1/t/${current.world.tenantA.slug}/audit`, {
      token: current.world.tokens.adminA,
    });
    expect(trail.body.items[0]).toMatchObject({
      action: 'registry.unit_updated',
      details: {
        from: { measuredArea: null, saleStatus: 'sold_delivered' },
        to: { measuredArea: 9000, saleStatus: 'sold_undelivered' },
      },
    });
    const staff = current.world.tokens.staffA;
    expect((await current.h.call('GET', `${base()}/units/${u.id}`, { token: staff })).status).toBe(200);
    expect(
      (await current.h.call('PATCH', `${base()}/units/${u.id}`, { token: staff, json: { room: '702' } })).status,
    ).toBe(403);
    expect((await current.h.call('GET', `${base()}/buildings`, { token: current.world.tokens.residentA })).status).toBe(
      403,
    );
  });
});

describe('registry across neighbourhoods', () => {
  it("shows another neighbourhood's admin neither A's buildings nor their counts", async () => {
    const { world, h } = current;
    const b = await building('1栋');
    await unit(b.id, '101');
    const foreign = (path: string) => h.call('GET', `${base()}${path}`, { token: world.tokens.adminB });
    expect((await foreign('/buildings')).status).toBe(404);
    expect((await foreign(`/buildings/${b.id}/units`)).status).toBe(404);
    const own = await h.call('GET', `/api/v1/t/${world.tenantB.slug}/registry/buildings`, {
      token: world.tokens.adminB,
    });
    expect(own.body.items).toEqual([]);
    const asB = await h.call('GET', `/api/v1/t/${world.tenantB.slug}/registry/buildings/${b.id}/units`, {
      token: world.tokens.adminB,
    });
    expect(asB.status).toBe(404);
  });

  it("refuses a unit in another neighbourhood's building, named in the body", async () => {
    const { world, h } = current;
    const [foreign] = await withTenant(h.database.db, world.tenantB.id, (tx) =>
      tx.insert(schema.buildings).values({ tenantId: world.tenantB.id, name: '乙1栋' }).returning(),
    );
    const res = await unit(foreign!.id, '101');
    expect(res.status).toBe(404);
    const units = await withTenant(h.database.db, world.tenantB.id, (tx) => tx.select().from(schema.units));
    expect(units).toEqual([]);
  });
});
