import { schema, withTenant } from '@city/db';
import { eq } from 'drizzle-orm';
import type { ApiServices } from '../services.ts';

interface Person {
  id: string;
  phone: string;
  displayName: string;
}

interface DemoTenant {
  id: string;
  slug: string;
  admin: { id: string; displayName: string };
}

/**
 * Verification in the demo, through the real paths: a registered owner of a unit in 1栋 claims it with the code from
 * a printed letter; two people wait for the admin (an owner without a letter, a renter); in the second
 * neighbourhood a renter was approved with a reason.
 */
export async function seedVerifications(
  services: ApiServices,
  jinse: DemoTenant,
  cuihu: DemoTenant,
  people: { owner: Person; claimantOwner: Person; claimantRenter: Person; renterB: Person },
) {
  const at = services.clock.now();
  const v = services.verification;
  await withTenant(services.db, jinse.id, async (tx) => {
    const context = { tenantId: jinse.id, actor: jinse.admin, at };
    const [building] = await tx.select().from(schema.buildings).where(eq(schema.buildings.name, '1栋'));
    const { letters } = await v.issueCodes(
      tx,
      { ...context, tenantSlug: jinse.slug },
      { buildingId: building!.id, validDays: 30 },
    );
    // The first unit of 1栋 with a single owner who owns nothing else becomes this person's: the registry then
    // knows their number, so their claim is an owner's without the admin.
    const links = await tx.select().from(schema.unitOwners);
    const unitsOf = Map.groupBy(links, (l) => l.ownerId);
    const ownersOf = Map.groupBy(links, (l) => l.unitId);
    const units = await tx
      .select({ id: schema.units.id, entrance: schema.units.entrance, room: schema.units.room })
      .from(schema.units)
      .where(eq(schema.units.buildingId, building!.id))
      .orderBy(schema.units.entrance, schema.units.floor, schema.units.room);
    const unit = units.find(
      (u) => ownersOf.get(u.id)?.length === 1 && unitsOf.get(ownersOf.get(u.id)![0]!.ownerId)!.length === 1,
    )!;
    const link = ownersOf.get(unit.id)![0]!;
    const letter = letters.find((l) => l.address === `1栋 ${unit.entrance} ${unit.room}`)!;
    await tx
      .update(schema.owners)
      .set({ name: people.owner.displayName, phone: people.owner.phone })
      .where(eq(schema.owners.id, link.ownerId));
    const claimant = { tenantId: jinse.id, actor: { id: people.owner.id, displayName: people.owner.displayName }, at };
    await v.claim(tx, claimant, people.owner, {
      code: letter.code.replace(/-/g, ''),
      relation: 'owner',
      displayName: people.owner.displayName,
    });

    const asPerson = (p: Person) => ({ tenantId: jinse.id, actor: { id: p.id, displayName: p.displayName }, at });
    await v.request(tx, asPerson(people.claimantOwner), people.claimantOwner, {
      building: '1栋',
      entrance: '1单元',
      room: '201',
      relation: 'owner',
      displayName: people.claimantOwner.displayName,
      note: '房产证在办理中，可到物业出示购房合同',
    });
    await v.request(tx, asPerson(people.claimantRenter), people.claimantRenter, {
      building: '2栋',
      entrance: '1单元',
      room: '301',
      relation: 'renter',
      displayName: people.claimantRenter.displayName,
      note: '租期至2027年6月',
    });
  });
  await withTenant(services.db, cuihu.id, async (tx) => {
    const requested = await v.request(
      tx,
      { tenantId: cuihu.id, actor: { id: people.renterB.id, displayName: people.renterB.displayName }, at },
      people.renterB,
      {
        building: '3栋',
        entrance: '1单元',
        room: '502',
        relation: 'renter',
        displayName: people.renterB.displayName,
        note: '',
      },
    );
    await v.approve(tx, { tenantId: cuihu.id, actor: cuihu.admin, at }, requested.id, {
      relation: 'renter',
      ownerId: null,
      reason: '已核对租赁合同',
    });
  });
}
