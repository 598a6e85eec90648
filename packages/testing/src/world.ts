import type { TenantRole } from '@city/contracts';
import { dumpDatabase, randomPhone, randomUscc } from '@city/db/testing';
import { schema, withTenant } from '@city/db';
import { afterEach, beforeEach } from 'vitest';
import { createTestApp, type TestApp, type TestAppOptions } from './harness.ts';

export const WORLD_PASSWORD = 'correct-horse-9';

/** Who calls: each persona of the role × route matrix. */
export const PERSONAS = [
  'anonymous',
  'outsider',
  'residentA',
  'committeeA',
  'staffA',
  'adminA',
  'adminB',
  'communityStaffA',
  'streetStaffA',
  'otherBranchStaff',
  'operator',
  'vendorOwner',
  'vendorStaff',
] as const;
export type Persona = (typeof PERSONAS)[number];

const unique = () => Math.random().toString(36).slice(2, 8);

/**
 * Two neighbourhoods in two branches of one district, and a person in every role:
 *   district ─ streetA ─ communityA ─ tenant A (admin, staff, committee, resident)
 *            └ streetB ─ communityB ─ tenant B (admin)
 * plus staff of communityA, of streetA, of streetB (the "other branch"), an operator, an outsider, and a service
 * business (organisation) with its owner and one staff member, in no neighbourhood.
 * Names, slugs and numbers are random, so worlds coexist in one shared Postgres.
 */
export async function buildWorld(h: TestApp) {
  const { services } = h;
  const passwordHash = await services.passwords.hash(WORLD_PASSWORD);
  const users = {} as Record<
    Exclude<Persona, 'anonymous'>,
    { id: string; phone: string; displayName: string; isPlatformOperator: boolean }
  >;
  const tokens = {} as Record<Persona, string | undefined>;
  tokens.anonymous = undefined;
  for (const persona of PERSONAS) {
    if (persona === 'anonymous') continue;
    const [user] = await services.db
      .insert(schema.users)
      .values({
        phone: randomPhone(),
        displayName: `${persona}-${unique()}`,
        passwordHash,
        isPlatformOperator: persona === 'operator',
      })
      .returning();
    users[persona] = user!;
    tokens[persona] = (await services.sessions.create(user!.id, 'vitest')).token;
  }

  const district = await services.regions.create({
    kind: 'district',
    parentId: null,
    name: `测试区-${unique()}`,
    code: null,
  });
  const streetA = await services.regions.create({ kind: 'street', parentId: district.id, name: '甲街道', code: null });
  const communityA = await services.regions.create({
    kind: 'community',
    parentId: streetA.id,
    name: '甲社区',
    code: null,
  });
  const streetB = await services.regions.create({ kind: 'street', parentId: district.id, name: '乙街道', code: null });
  const communityB = await services.regions.create({
    kind: 'community',
    parentId: streetB.id,
    name: '乙社区',
    code: null,
  });
  await services.regions.addStaff(communityA.id, users.communityStaffA.phone);
  await services.regions.addStaff(streetA.id, users.streetStaffA.phone);
  await services.regions.addStaff(streetB.id, users.otherBranchStaff.phone);

  const open = async (admin: 'adminA' | 'adminB', communityId: string, name: string) => {
    const applied = await services.applications.create(users[admin], {
      name,
      address: `${name}路1号`,
      communityId,
      applicantName: users[admin].displayName,
    });
    const approved = await services.applications.approve(users.operator, applied.id, `t-${unique()}-${unique()}`);
    return (await services.tenants.bySlug(approved.tenantSlug!))!;
  };
  const tenantA = await open('adminA', communityA.id, `甲小区${unique()}`);
  const tenantB = await open('adminB', communityB.id, `乙小区${unique()}`);

  const addMembers = (tenantId: string, list: [Exclude<Persona, 'anonymous'>, TenantRole[]][]) =>
    withTenant(services.db, tenantId, (tx) =>
      tx
        .insert(schema.members)
        .values(list.map(([p, roles]) => ({ tenantId, userId: users[p].id, displayName: users[p].displayName, roles })))
        .returning(),
    );
  const added = await addMembers(tenantA.id, [
    ['residentA', ['resident']],
    ['committeeA', ['committee']],
    ['staffA', ['staff']],
  ]);
  const memberId = (p: 'residentA' | 'committeeA' | 'staffA') => added.find((m) => m.userId === users[p].id)!.id;

  const organisation = await services.organisations.create(users.vendorOwner.id, {
    name: `测试服务公司${unique()}`,
    uscc: randomUscc(),
    contactName: users.vendorOwner.displayName,
    contactPhone: users.vendorOwner.phone,
  });
  await services.organisations.addStaff(organisation.id, { phone: users.vendorStaff.phone, role: 'staff' });

  return {
    users,
    tokens,
    organisation,
    /** Each persona's role in the world's organisation. */
    rolesInOrganisation: { vendorOwner: 'owner', vendorStaff: 'staff' } as Partial<
      Record<Persona, 'owner' | 'manager' | 'staff'>
    >,
    regions: { district, streetA, communityA, streetB, communityB },
    tenantA,
    tenantB,
    /** Member ids in tenant A. */
    members: { residentA: memberId('residentA'), committeeA: memberId('committeeA'), staffA: memberId('staffA') },
    /** Everything persona P may do inside tenant A, by role. */
    rolesInA: {
      residentA: ['resident'],
      committeeA: ['committee'],
      staffA: ['staff'],
      adminA: ['admin'],
    } as Partial<Record<Persona, TenantRole[]>>,
  };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

export interface WorldOptions<P> extends Omit<TestAppOptions, 'database' | 'snapshot'> {
  /**
   * What every test of a file needs on top of the world (a registry, installed plugins, more accounts), done inside
   * the world before it is saved: on PGlite once per process, not once per test. Returns plain data (ids, tokens).
   */
  setUp?: (h: TestApp, world: World) => Promise<P>;
}

type Built = Promise<{ snapshot: Blob; world: World; prepared: unknown }>;
/** Worlds this process has built, by plugin set (and set-up): the database as they left it, their ids and tokens. */
const builtWorlds = new Map<string, Built>();
const builtWithSetUp = new WeakMap<object, Map<string, Built>>();

/**
 * A fresh app with a world in it, and what the set-up returned. On PGlite the world is built once per process, plugin
 * set and set-up, and every later call restores its dump (a fraction of a second); on a shared Postgres each call
 * builds a world of its own (random names, so worlds coexist).
 */
export async function createWorldApp<P = undefined>(
  options: WorldOptions<P> = {},
): Promise<{ h: TestApp; world: World; prepared: P }> {
  const { setUp, ...appOptions } = options;
  const build = async (h: TestApp) => {
    const world = await buildWorld(h);
    return { world, prepared: (setUp ? await setUp(h, world) : undefined) as P };
  };
  if ((process.env.TEST_DATABASE ?? 'pglite') !== 'pglite') {
    const h = await createTestApp(appOptions);
    return { h, ...(await build(h)) };
  }
  const key = (options.plugins ?? []).map((p) => `${p.manifest.id}@${p.manifest.version}`).join();
  let cache = builtWorlds;
  if (setUp) {
    cache = builtWithSetUp.get(setUp) ?? new Map();
    builtWithSetUp.set(setUp, cache);
  }
  let built = cache.get(key);
  if (!built) {
    built = (async () => {
      const h = await createTestApp(appOptions);
      try {
        const made = await build(h);
        await h.services.pluginRuntime.dispatcher.idle();
        await h.services.notifier.idle();
        return { snapshot: await dumpDatabase(h.database), ...made };
      } finally {
        await h.close();
      }
    })();
    cache.set(key, built);
  }
  const { snapshot, world, prepared } = await built;
  return {
    h: await createTestApp({ ...appOptions, snapshot }),
    world: structuredClone(world),
    prepared: structuredClone(prepared) as P,
  };
}

/**
 * The usual test setup: a fresh app and world before each test, closed after. Returns a holder whose `h`, `world`
 * and `prepared` (what `setUp` returned) are the current test's.
 */
export function useWorld<P = undefined>(options: WorldOptions<P> = {}) {
  const current = {} as { h: TestApp; world: World; prepared: P };
  beforeEach(async () => {
    Object.assign(current, await createWorldApp(options));
  });
  afterEach(() => current.h.close());
  return current;
}
