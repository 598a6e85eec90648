import { eq } from 'drizzle-orm';
import { slots } from '../schema.ts';
import { type CallResult, type TestApp, seedRegistry, type World, withOrganisation } from '@city/testing';
import { servicesManifest } from '../manifest.ts';

/**
 * Set-up for the plugin's tests and benchmarks, through the real app: the plugin installed in both neighbourhoods,
 * the world's organisation as a vendor admitted to A with one offering listed there, and residentA verified for a
 * home in A.
 */

export const HOUR = 60 * 60 * 1000;

export function expectStatus(what: string, result: CallResult, status: number) {
  if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result;
}

export const paths = (world: World) => ({
  vendor: `/api/v1/o/${world.organisation.id}/p/services`,
  a: `/api/v1/t/${world.tenantA.slug}/p/services`,
  b: `/api/v1/t/${world.tenantB.slug}/p/services`,
});

export async function installServices(h: TestApp, world: World) {
  for (const [admin, tenant] of [
    ['adminA', world.tenantA],
    ['adminB', world.tenantB],
  ] as const) {
    expectStatus(
      'install',
      await h.call('POST', `/api/v1/t/${tenant.slug}/plugins/services/install`, {
        token: world.tokens[admin],
        json: { grantedScopes: servicesManifest.scopes },
      }),
      200,
    );
  }
}

/** Verifies people for homes in a neighbourhood (one unit each, in 1栋), as claim codes would; returns the unit ids. */
export async function verifyHomes(h: TestApp, tenantId: string, userIds: readonly string[], building = '1栋') {
  const keys = userIds.map((_, i) => `o${i}`);
  const registry = await seedRegistry(h.services.db, tenantId, {
    owners: Object.fromEntries(keys.map((k) => [k, `业主${k}`])),
    units: keys.map((k, i) => ({ building, room: String(1001 + i), area: 9000, owners: [k] })),
    verified: Object.fromEntries(keys.map((k, i) => [k, userIds[i]!])),
  });
  return registry.unitIds;
}

export interface ServicesWorld {
  offeringId: string;
  slotId: string;
  /** residentA's verified home in A. */
  unitId: string;
}

/**
 * The vendor signs up its profile, applies to A, A's admin admits it; it lists one offering in A with a slot of
 * `capacity` seats starting in a day.
 */
export async function openVendor(h: TestApp, world: World, capacity = 3): Promise<ServicesWorld> {
  await installServices(h, world);
  const { vendor, a } = paths(world);
  const owner = { token: world.tokens.vendorOwner };
  expectStatus(
    'profile',
    await h.call('PUT', `${vendor}/profile`, {
      ...owner,
      json: { intro: '十年家政经验', phone: '13800138000', categories: ['housekeeping', 'repair'] },
    }),
    200,
  );
  expectStatus(
    'apply',
    await h.call('POST', `${vendor}/applications`, {
      ...owner,
      json: { neighbourhood: world.tenantA.slug, note: '驻点在东门' },
    }),
    201,
  );
  expectStatus(
    'admit',
    await h.call('POST', `${a}/admin/vendors/${world.organisation.id}/decision`, {
      token: world.tokens.adminA,
      json: { decision: 'admit' },
    }),
    200,
  );
  const offering = expectStatus(
    'offering',
    await h.call('POST', `${vendor}/offerings`, {
      ...owner,
      json: {
        title: '日常保洁（两小时）',
        description: '擦窗、拖地、厨卫清洁，自带工具',
        category: 'housekeeping',
        priceFen: 12000,
        priceUnit: 'visit',
      },
    }),
    201,
  );
  expectStatus(
    'listing',
    await h.call('PUT', `${vendor}/offerings/${offering.body.id}/neighbourhoods`, {
      ...owner,
      json: { tenantIds: [world.tenantA.id] },
    }),
    200,
  );
  const startsAt = new Date(h.clock.now().getTime() + 24 * HOUR);
  const slot = expectStatus(
    'slot',
    await h.call('POST', `${vendor}/offerings/${offering.body.id}/slots`, {
      ...owner,
      json: {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        capacity,
      },
    }),
    201,
  );
  const [unitId] = await verifyHomes(h, world.tenantA.id, [world.users.residentA.id]);
  return { offeringId: offering.body.id, slotId: slot.body.id, unitId: unitId! };
}

export const orderBody = (s: ServicesWorld, extra: Record<string, unknown> = {}) => ({
  offeringId: s.offeringId,
  slotId: s.slotId,
  unitId: s.unitId,
  contactPhone: '13912345678',
  notes: '家里有猫，请轻声',
  ...extra,
});

/** The slot's seats as the database holds them, read as the vendor (its organisation's policy). */
export async function bookedSeats(h: TestApp, world: World, slotId: string) {
  return withOrganisation(h.services.db, world.organisation.id, async (tx) => {
    const [slot] = await tx
      .select({ booked: slots.booked, capacity: slots.capacity })
      .from(slots)
      .where(eq(slots.id, slotId));
    return slot;
  });
}
