import { sql } from 'drizzle-orm';
import {
  type CallResult,
  type TestApp,
  seedRegistry,
  type UnitSpec,
  addResidents,
  inChunks,
  type World,
  schema,
  withTenant,
} from '@city/testing';
import { votingManifest } from '../manifest.ts';

/**
 * Set-up for tests and benchmarks that vote: verified owner accounts written in bulk (as seedRegistry writes a
 * registry), the plugin installed, and a meeting taken from draft to open through the real app, so the plugin's
 * own code freezes the roll. Only for tests: it writes sessions and memberships straight into the database.
 */

const DAY = 24 * 60 * 60 * 1000;
const UNIT_AREA = 100 * 100; // 100 m² in 0.01 m²
const ROOMS_PER_BUILDING = 500;
export interface VotingNeighbourhood {
  /** One verified owner per unit of 100 m², each a counting owner of their own. */
  singles: string[];
  /** Two co-owners of two units, each the designated voter of one: either may vote for their one counting owner. */
  coOwners: [string, string] | null;
}

/**
 * A neighbourhood of `singles` single-owner units of 100 m² (500 rooms a building), and optionally one pair of
 * co-owners of two further units, every owner verified as a resident account.
 */
export async function seedVotingNeighbourhood(
  h: TestApp,
  tenantId: string,
  options: { singles: number; coOwners?: boolean },
): Promise<VotingNeighbourhood> {
  const keys = Array.from({ length: options.singles }, (_, i) => `s${i}`);
  const pair = options.coOwners ? ['c1', 'c2'] : [];
  const userIds = await addResidents(
    h,
    tenantId,
    [...keys, ...pair].map((k) => `业主${k}`),
  );
  const building = (i: number) => `${Math.floor(i / ROOMS_PER_BUILDING) + 1}栋`;
  const units: UnitSpec[] = keys.map((k, i) => ({
    building: building(i),
    room: String((i % ROOMS_PER_BUILDING) + 1),
    area: UNIT_AREA,
    owners: [k],
  }));
  if (options.coOwners) {
    units.push(
      { building: '共有', room: '1', area: UNIT_AREA, owners: pair, designated: 'c1' },
      { building: '共有', room: '2', area: UNIT_AREA, owners: pair, designated: 'c2' },
    );
  }
  const allKeys = [...keys, ...pair];
  const registry = await seedRegistry(h.services.db, tenantId, {
    owners: Object.fromEntries(allKeys.map((k) => [k, `业主${k}`])),
    units,
  });
  // Verified as seedRegistry's `verified` would (on the first unit listing the owner), but in chunks: it writes them
  // in one insert, too many parameters for 20,000.
  const firstUnit = new Map(
    units.flatMap((u, i) => (u.owners ?? []).map((k) => [k, registry.unitIds[i]!] as const)).reverse(),
  );
  const decidedAt = new Date('2020-01-01T00:00:00Z');
  await withTenant(h.services.db, tenantId, (tx) =>
    inChunks(
      allKeys.map((k, i) => ({
        tenantId,
        unitId: firstUnit.get(k)!,
        userId: userIds[i]!,
        displayName: `业主${k}`,
        relation: 'owner' as const,
        ownerId: registry.ownerId[k]!,
        status: 'verified' as const,
        method: 'approval' as const,
        decidedAt,
      })),
      (chunk) => tx.insert(schema.verifications).values(chunk),
    ),
  );
  return {
    singles: userIds.slice(0, keys.length),
    coOwners: options.coOwners ? [userIds[keys.length]!, userIds[keys.length + 1]!] : null,
  };
}

export const installVoting = (h: TestApp, world: World) =>
  h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/voting/install`, {
    token: world.tokens.adminA,
    json: { grantedScopes: votingManifest.scopes },
  });

export interface OpenMeeting {
  id: string;
  /** The meeting's member API, e.g. `${path}/ballots`. */
  path: string;
  motionIds: [string, string];
  /** User id → the counting owner that user may vote for on the frozen roll. */
  rollOwnerOf: Map<string, string>;
  /** User id → the registry owner that user is verified as. */
  ownerIdOf: Map<string, string>;
}

/**
 * A meeting of two motions (an ordinary and a special one) drafted and announced by the committee, the clock moved
 * past the 15-day notice period, and opened: its roll frozen from the registry. The app clock ends 17 days later.
 */
export async function openMeeting(h: TestApp, world: World, title = '业主大会'): Promise<OpenMeeting> {
  const base = `/api/v1/t/${world.tenantA.slug}/p/voting/meetings`;
  const as = (method: string, path: string, json?: unknown) =>
    h.call(method, path, { token: world.tokens.committeeA, ...(json !== undefined ? { json } : {}) });
  const expectStatus = (what: string, result: CallResult, status: number) => {
    if (result.status !== status) throw new Error(`${what}: ${result.status} ${JSON.stringify(result.body)}`);
    return result;
  };
  const now = h.clock.now().getTime();
  const created = expectStatus(
    'create meeting',
    await as('POST', base, {
      title,
      opensAt: new Date(now + 16 * DAY).toISOString(),
      closesAt: new Date(now + 30 * DAY).toISOString(),
    }),
    201,
  );
  const path = `${base}/${created.body.id}`;
  expectStatus(
    'ordinary motion',
    await as('POST', `${path}/motions`, { matterType: 'property_manager', title: '续聘物业服务企业' }),
    201,
  );
  const withMotions = expectStatus(
    'special motion',
    await as('POST', `${path}/motions`, { matterType: 'raise_maintenance_fund', title: '续筹维修资金' }),
    201,
  );
  expectStatus('announce', await as('POST', `${path}/announce`), 200);
  h.clock.advance(17 * DAY);
  expectStatus('open', await as('POST', `${path}/open`), 200);
  const [ordinary, special] = (withMotions.body.motions as { id: string }[]).map((m) => m.id);
  // Joined here rather than in SQL: right after a bulk load the planner has no statistics and picks a nested loop.
  const [roll, verified] = await withTenant(
    h.services.db,
    world.tenantA.id,
    async (tx) =>
      [
        await tx.execute<{ id: string; voter_owner_ids: string[] }>(
          sql`select id, voter_owner_ids from voting_roll_owners where meeting_id = ${created.body.id}`,
        ),
        await tx.execute<{ user_id: string; owner_id: string }>(
          sql`select user_id, owner_id from verifications where status = 'verified' and owner_id is not null`,
        ),
      ] as const,
  );
  const rollOwnerOfOwner = new Map(
    roll.rows.flatMap((r) => r.voter_owner_ids.map((ownerId) => [ownerId, r.id] as const)),
  );
  const rollOwnerOf = new Map(
    verified.rows.flatMap((v) =>
      rollOwnerOfOwner.has(v.owner_id) ? [[v.user_id, rollOwnerOfOwner.get(v.owner_id)!] as const] : [],
    ),
  );
  const ownerIdOf = new Map(verified.rows.map((v) => [v.user_id, v.owner_id] as const));
  return { id: created.body.id, path, motionIds: [ordinary!, special!], rollOwnerOf, ownerIdOf };
}

/** A complete online ballot for the meeting's two motions. */
export const ballotFor = (meeting: OpenMeeting, rollOwnerId: string) => ({
  rollOwnerId,
  choices: [
    { motionId: meeting.motionIds[0], choice: 'agree' as const },
    { motionId: meeting.motionIds[1], choice: 'oppose' as const },
  ],
});
