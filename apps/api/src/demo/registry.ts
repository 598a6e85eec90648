import { maskIdNumber } from '@city/contracts';
import { schema, withTenant } from '@city/db';
import { audit } from '@city/core';
import type { ApiServices } from '../services.ts';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '晓东',
  '海燕',
  '志强',
  '玉兰',
  '春梅',
];

/** A deterministic stream of numbers, so every demo start builds the same registry. */
function sequence(seed: number) {
  let state = seed;
  return (max: number) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % max;
  };
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A well-formed (checksummed), invented and unique Chongqing Bishan ID number: n picks the birth day and serial. */
export function demoIdNumber(n: number): string {
  const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(n / 1000) * 86_400_000)
    .toISOString()
    .slice(0, 10)
    .replace(/-/g, '');
  const body = `500120${birth}${String(n % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + '10X98765432'[sum % 11];
}

interface Shape {
  buildings: number;
  entrances: number;
  floors: number;
  roomsPerFloor: number;
}

/**
 * A neighbourhood's registry as an import would leave it: buildings, units with registered/measured/contract areas,
 * co-owned units with a designated voter, one buyer of three units, developer-held unsold and undelivered units,
 * and renters. One audit entry records the load.
 */
export async function seedRegistry(
  services: ApiServices,
  tenant: { id: string; actor: { id: string; displayName: string } },
  shape: Shape,
  seed: number,
) {
  const next = sequence(seed);
  const now = services.clock.now();
  await withTenant(services.db, tenant.id, async (tx) => {
    const buildings = await tx
      .insert(schema.buildings)
      .values(
        Array.from({ length: shape.buildings }, (_, i) => ({
          tenantId: tenant.id,
          name: `${i + 1}栋`,
          createdAt: now,
        })),
      )
      .returning();
    const unitRows = buildings.flatMap((b) =>
      Array.from({ length: shape.entrances * shape.floors * shape.roomsPerFloor }, (_, i) => {
        const entrance = Math.floor(i / (shape.floors * shape.roomsPerFloor)) + 1;
        const floor = Math.floor((i % (shape.floors * shape.roomsPerFloor)) / shape.roomsPerFloor) + 1;
        const room = `${floor}${String((i % shape.roomsPerFloor) + 1).padStart(2, '0')}`;
        const contract = 7000 + next(6000);
        const measured = contract - 120 + next(240);
        const registeredKnown = next(10) < 8;
        const roll = next(100);
        return {
          tenantId: tenant.id,
          buildingId: b.id,
          entrance: `${entrance}单元`,
          floor,
          room,
          contractArea: contract,
          measuredArea: next(10) < 9 ? measured : null,
          registeredArea: registeredKnown ? measured - 50 + next(100) : null,
          saleStatus:
            roll < 4 ? ('unsold' as const) : roll < 6 ? ('sold_undelivered' as const) : ('sold_delivered' as const),
          createdAt: now,
          updatedAt: now,
        };
      }),
    );
    const units: (typeof schema.units.$inferSelect)[] = [];
    for (let i = 0; i < unitRows.length; i += 500)
      units.push(
        ...(await tx
          .insert(schema.units)
          .values(unitRows.slice(i, i + 500))
          .returning()),
      );

    const owned = units.filter((u) => u.saleStatus === 'sold_delivered');
    const ownerRows: (typeof schema.owners.$inferInsert)[] = [];
    const links: { unit: number; owner: number; voter: boolean }[] = [];
    owned.forEach((unit, i) => {
      // The first owner buys three units; every tenth unit is co-owned by a couple.
      if (i === 1 || i === 2) {
        links.push({ unit: i, owner: 0, voter: true });
        return;
      }
      const person = () => {
        const idNumber = demoIdNumber(seed * 10_000 + ownerRows.length);
        ownerRows.push({
          tenantId: tenant.id,
          name: `${SURNAMES[next(SURNAMES.length)]}${GIVEN[next(GIVEN.length)]}`,
          phone: `13${5 + next(4)}${String(next(100_000_000)).padStart(8, '0')}`,
          idNumberHash: services.registry.idNumberHash(idNumber),
          idNumberMasked: maskIdNumber(idNumber),
          createdAt: now,
        });
        return ownerRows.length - 1;
      };
      links.push({ unit: i, owner: person(), voter: true });
      if (i % 10 === 5) links.push({ unit: i, owner: person(), voter: false });
    });
    const owners: (typeof schema.owners.$inferSelect)[] = [];
    for (let i = 0; i < ownerRows.length; i += 500)
      owners.push(
        ...(await tx
          .insert(schema.owners)
          .values(ownerRows.slice(i, i + 500))
          .returning()),
      );
    const linkRows = links.map((l) => ({
      tenantId: tenant.id,
      unitId: owned[l.unit]!.id,
      ownerId: owners[l.owner]!.id,
      designatedVoter: l.voter,
      since: now,
    }));
    for (let i = 0; i < linkRows.length; i += 500)
      await tx.insert(schema.unitOwners).values(linkRows.slice(i, i + 500));
    await tx.insert(schema.unitResidents).values(
      owned
        .filter((_, i) => i % 25 === 7)
        .map((unit, i) => ({
          tenantId: tenant.id,
          unitId: unit.id,
          name: `${SURNAMES[next(SURNAMES.length)]}${GIVEN[next(GIVEN.length)]}`,
          relation: i % 3 === 0 ? ('family' as const) : ('renter' as const),
          since: now,
        })),
    );
    await audit(
      tx,
      { tenantId: tenant.id, actor: tenant.actor, at: now },
      {
        action: 'registry.imported',
        targetType: 'tenant',
        targetId: tenant.id,
        details: { buildings: buildings.length, units: units.length, owners: owners.length, source: 'demo' },
      },
    );
  });
}
