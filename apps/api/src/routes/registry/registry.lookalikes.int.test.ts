import { schema, withTenant } from '@city/db';
import { useWorld } from '@city/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

/**
 * Owner records without an ID number that share a name and a phone: the registry lists them for the admin, who
 * confirms each group as one person (merged) or as different people (recorded, not flagged again).
 */
const current = useWorld();
const A = () => `/api/v1/t/${current.world.tenantA.slug}/registry`;
const B = () => `/api/v1/t/${current.world.tenantB.slug}/registry`;
const call = (who: 'adminA' | 'adminB' | 'staffA' | 'residentA', method: string, path: string, json?: unknown) =>
  current.h.call(method, path, {
    token: current.world.tokens[who],
    headers: { 'accept-language': 'zh-CN' },
    ...(json !== undefined ? { json } : {}),
  });

const 张伟 = { name: '张伟', phone: '13800000000', idNumber: null, designatedVoter: true };

/** A new building and its units, each set to the owners given (through the API, as an admin would). */
async function unitsOwnedBy(
  base: string,
  admin: 'adminA' | 'adminB',
  rooms: Record<string, object[]>,
  buildingName = '9栋',
) {
  const building = (await call(admin, 'POST', `${base}/buildings`, { name: buildingName })).body;
  const ids: Record<string, { unitId: string; ownerIds: string[] }> = {};
  for (const [room, owners] of Object.entries(rooms)) {
    const unit = await call(admin, 'POST', `${base}/units`, {
      buildingId: building.id,
      floor: Number(room.slice(0, -2)),
      room,
      registeredArea: '100.00',
      saleStatus: 'sold_delivered',
    });
    expect(unit.status, JSON.stringify(unit.body)).toBe(201);
    const set = await call(admin, 'PUT', `${base}/units/${unit.body.id}/owners`, { owners, reason: '按购房合同录入' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    ids[room] = { unitId: unit.body.id, ownerIds: set.body.owners.map((o: { ownerId: string }) => o.ownerId) };
  }
  return ids;
}

const list = async (who: 'adminA' | 'adminB' = 'adminA', base = A()) => {
  const res = await call(who, 'GET', `${base}/lookalikes`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{
    ownerIds: string[];
    name: string;
    phone: string;
    owners: Array<{ ownerId: string; units: Array<{ address: string }>; verifiedPeople: number }>;
  }>;
};

const decide = (
  ownerId: string,
  decision: string,
  ownerIds: string[],
  who: 'adminA' | 'adminB' = 'adminA',
  base = A(),
) => call(who, 'POST', `${base}/lookalikes/${ownerId}/decision`, { decision, ownerIds });

describe('owner lookalikes', () => {
  it('lists 张伟/13800000000 entered twice without an ID number, masked, with each record’s unit', async () => {
    const units = await unitsOwnedBy(A(), 'adminA', {
      '201': [张伟],
      '305': [张伟],
      '401': [{ ...张伟, name: '张伟', phone: '13900000000' }],
      '402': [{ ...张伟, name: '李娜' }],
    });
    const [first, second] = [units['201']!.ownerIds[0]!, units['305']!.ownerIds[0]!];
    const groups = await list();
    expect(groups).toEqual([
      {
        ownerIds: [first, second].sort(),
        name: '张伟',
        phone: '138****0000',
        owners: expect.arrayContaining([
          expect.objectContaining({ ownerId: first, units: [expect.objectContaining({ address: '9栋 201' })] }),
          expect.objectContaining({ ownerId: second, units: [expect.objectContaining({ address: '9栋 305' })] }),
        ]),
      },
    ]);
    expect(JSON.stringify(groups)).not.toContain('13800000000');
    expect((await call('staffA', 'GET', `${A()}/lookalikes`)).status).toBe(403);
    expect((await call('residentA', 'GET', `${A()}/lookalikes`)).status).toBe(403);
    expect(
      (
        await call('staffA', 'POST', `${A()}/lookalikes/${first}/decision`, {
          decision: 'same_person',
          ownerIds: [first, second],
        })
      ).status,
    ).toBe(403);
  });

  it('merges records confirmed as one person: ownerships, voter flags and verified links move to the kept one, audited', async () => {
    const units = await unitsOwnedBy(A(), 'adminA', { '201': [张伟], '305': [张伟] });
    const [kept, merged] = [units['201']!.ownerIds[0]!, units['305']!.ownerIds[0]!];
    const { h, world } = current;
    await withTenant(h.database.db, world.tenantA.id, (tx) =>
      tx.insert(schema.verifications).values({
        tenantId: world.tenantA.id,
        unitId: units['305']!.unitId,
        userId: world.users.residentA.id,
        displayName: '张伟',
        relation: 'owner',
        ownerId: merged,
        status: 'verified',
        method: 'approval',
      }),
    );
    expect((await list())[0]!.owners.find((o) => o.ownerId === merged)!.verifiedPeople).toBe(1);

    const decided = await decide(kept, 'same_person', [merged, kept]);
    expect(decided).toMatchObject({
      status: 200,
      body: { decision: 'same_person', keptOwnerId: kept, unitsMoved: 1, ownerIds: [kept, merged].sort() },
    });
    expect(await list()).toEqual([]);
    const unit = await call('adminA', 'GET', `${A()}/units/${units['305']!.unitId}`);
    expect(unit.body.owners).toEqual([expect.objectContaining({ ownerId: kept, name: '张伟', designatedVoter: true })]);
    const rows = await withTenant(h.database.db, world.tenantA.id, async (tx) => ({
      owner: (await tx.select().from(schema.owners).where(eq(schema.owners.id, merged)))[0],
      links: await tx
        .select()
        .from(schema.verifications)
        .where(eq(schema.verifications.userId, world.users.residentA.id)),
    }));
    expect(rows.owner!.mergedIntoId).toBe(kept);
    expect(rows.links.map((l) => l.ownerId)).toEqual([kept]);
    const trail = await call('adminA', 'GET', `/api/v1/t/${world.tenantA.slug}/audit`);
    expect(trail.body.items[0]).toMatchObject({
      action: 'registry.owners_merged',
      targetId: kept,
      details: { kept, merged: [merged], units: [units['305']!.unitId], verifications: 1 },
    });
    // Merged already: deciding again finds the group gone.
    expect((await decide(kept, 'same_person', [kept, merged])).body.code).toBe('lookalike_changed');
  });

  it('merges co-owners of one unit into one owner who keeps the vote', async () => {
    const units = await unitsOwnedBy(A(), 'adminA', { '601': [{ ...张伟, designatedVoter: false }, 张伟] });
    const [first, second] = units['601']!.ownerIds as [string, string];
    expect((await decide(first, 'same_person', [first, second])).status).toBe(200);
    const unit = await call('adminA', 'GET', `${A()}/units/${units['601']!.unitId}`);
    expect(unit.body.owners).toEqual([expect.objectContaining({ ownerId: first, designatedVoter: true })]);
  });

  it('records different people, does not flag them again, and flags the group again when a record joins it', async () => {
    const units = await unitsOwnedBy(A(), 'adminA', { '201': [张伟], '305': [张伟] });
    const ids = [units['201']!.ownerIds[0]!, units['305']!.ownerIds[0]!];
    const decided = await decide(ids[0]!, 'different_people', ids);
    expect(decided).toMatchObject({ status: 200, body: { decision: 'different_people', keptOwnerId: null } });
    expect(await list()).toEqual([]);
    const trail = await call('adminA', 'GET', `/api/v1/t/${current.world.tenantA.slug}/audit`);
    expect(trail.body.items[0]).toMatchObject({
      action: 'registry.owners_distinct',
      details: { owners: [...ids].sort() },
    });

    await unitsOwnedBy(A(), 'adminA', { '701': [张伟] }, '10栋');
    const again = await list();
    expect(again).toHaveLength(1);
    expect(again[0]!.ownerIds).toHaveLength(3);
    // Deciding on the group as it was shown before the third record joined it is refused, in the caller's language.
    const stale = await current.h.call('POST', `${A()}/lookalikes/${ids[0]}/decision`, {
      token: current.world.tokens.adminA,
      headers: { 'accept-language': 'en' },
      json: { decision: 'different_people', ownerIds: ids },
    });
    expect(stale).toMatchObject({
      status: 409,
      body: {
        code: 'lookalike_changed',
        title: 'These owner records have changed and no longer form this lookalike group; reload and decide again',
      },
    });
  });

  it('refuses a decision that does not name the record kept, or names records that are not alike', async () => {
    const units = await unitsOwnedBy(A(), 'adminA', {
      '201': [张伟],
      '305': [张伟],
      '402': [{ ...张伟, name: '李娜' }],
    });
    const [a, b, other] = [units['201']!.ownerIds[0]!, units['305']!.ownerIds[0]!, units['402']!.ownerIds[0]!];
    const unnamed = await decide(a, 'same_person', [b, other]);
    expect(unnamed).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'ownerIds', message: '保留的业主记录须在所选记录之中' }] },
    });
    expect((await decide(a, 'same_person', [a, other])).body).toMatchObject({
      status: 409,
      code: 'lookalike_changed',
      title: '这些业主记录已有变动，不再是同一组疑似同一人的记录，请刷新后重新确认',
    });
    expect((await decide(a, 'same_person', [a])).status).toBe(400);
    expect(await list()).toHaveLength(1);
  });

  it('never shows or decides one neighbourhood’s records from another', async () => {
    const inA = await unitsOwnedBy(A(), 'adminA', { '201': [张伟], '305': [张伟] });
    const inB = await unitsOwnedBy(B(), 'adminB', { '201': [张伟], '305': [张伟] });
    const idsA = [inA['201']!.ownerIds[0]!, inA['305']!.ownerIds[0]!];
    const idsB = [inB['201']!.ownerIds[0]!, inB['305']!.ownerIds[0]!];
    expect((await list('adminB', B()))[0]!.ownerIds).toEqual([...idsB].sort());
    expect((await list())[0]!.ownerIds).toEqual([...idsA].sort());
    // B's admin in A, and A's admin naming B's records in A: neither exists for them.
    expect((await call('adminB', 'GET', `${A()}/lookalikes`)).status).toBe(404);
    expect((await decide(idsA[0]!, 'same_person', idsA, 'adminB', A())).status).toBe(404);
    expect((await decide(idsB[0]!, 'same_person', idsB)).body.code).toBe('not_found');
    expect((await decide(idsA[0]!, 'same_person', [idsA[0]!, idsB[0]!])).body.code).toBe('not_found');
    expect(await list('adminB', B())).toHaveLength(1);
    expect(await list()).toHaveLength(1);
  });
});
