import type { TenantRole } from '@city/contracts';
import { AppError, type HomeRow } from '@city/core';
import { schema, type Tx } from '@city/db';
import type { PluginActor } from '@city/plugin-sdk/server';
import { anyOf } from '@city/db/arrays';
import { and, eq, sql, type SQL } from 'drizzle-orm';

const installs = schema.pluginInstalls;
const grants = schema.pluginRoleGrants;
const verifications = schema.verifications;
const members = schema.members;

/** What a member holds in a plugin, read beside whatever else the query reads: one round trip for all of it. */
const memberFacts = (pluginId: string, userId: string | SQL) => ({
  pluginRoles: sql<
    string[]
  >`coalesce((select array_agg(${grants.role}) from ${grants} where ${grants.pluginId} = ${pluginId} and ${grants.userId} = ${userId}), '{}')`,
  // A count, not EXISTS: for a group of members the planner would turn EXISTS into a hash of every verification.
  verified: sql<boolean>`(select count(*) from ${verifications} where ${verifications.userId} = ${userId} and ${verifications.status} = 'verified') > 0`,
  // For registry.ownerIdsOf(actor): owner votes ask it on every ballot.
  ownerIds: sql<
    string[]
  >`coalesce((select array_agg(distinct ${verifications.ownerId}) from ${verifications} where ${verifications.userId} = ${userId} and ${verifications.status} = 'verified' and ${verifications.relation} = 'owner' and ${verifications.ownerId} is not null), '{}')`,
});

/** The member's verified homes (app_member_homes' rows, in its order), read as one value beside the install. */
const memberHomes = (userId: string) =>
  sql<
    HomeRow[]
  >`coalesce((select json_agg(h order by h.n) from app_member_homes(${userId}) with ordinality h(unit_id, building_name, entrance, room, relation, n)), '[]')`;

const NO_MEMBER = {
  pluginRoles: sql<string[]>`'{}'::text[]`,
  verified: sql<boolean>`false`,
  ownerIds: sql<string[]>`'{}'::uuid[]`,
};

/**
 * The enabled install of the plugin in the transaction's neighbourhood, with what the member holds in it — and, with
 * `withHomes` (a plugin that may ask for them), the member's verified homes, so that asking costs no statement. With
 * `thenAs`, the same statement then switches the transaction to that database role (the plugin's, for the rest of a
 * request): the switch is the last column, evaluated once the row and the member's facts have been read as the app
 * role, and only when there is a row.
 */
export async function findEnabledInstall(
  tx: Tx,
  pluginId: string,
  userId: string | null,
  thenAs?: string,
  withHomes = false,
) {
  const [found] = await tx
    .select({
      install: installs,
      ...(userId ? memberFacts(pluginId, userId) : NO_MEMBER),
      ...(userId && withHomes ? { homes: memberHomes(userId) } : {}),
      ...(thenAs ? { role: sql<string>`set_config('role', ${thenAs}, true)` } : {}),
    })
    .from(installs)
    .where(and(eq(installs.pluginId, pluginId), eq(installs.status, 'enabled')));
  return found;
}

/** findEnabledInstall, or 404: a plugin not enabled here does not exist for the caller. */
export async function enabledInstall(
  tx: Tx,
  pluginId: string,
  userId: string | null,
  thenAs?: string,
  withHomes = false,
) {
  const found = await findEnabledInstall(tx, pluginId, userId, thenAs, withHomes);
  if (!found) throw new AppError('not_found');
  return found;
}

/**
 * The members among these people (in the transaction's neighbourhood) as the plugin sees them, with the owners each
 * is verified as; people who are not members are absent. One round trip, however many people.
 */
export async function pluginMembers(
  tx: Tx,
  pluginId: string,
  people: ReadonlyArray<{ id: string; displayName: string }>,
) {
  const rows = await tx
    // Qualified by hand: drizzle writes a column bare, which inside the subqueries would name their own user_id.
    .select({
      userId: members.userId,
      roles: members.roles,
      ...memberFacts(pluginId, sql`${members}.${sql.identifier('user_id')}`),
    })
    .from(members)
    .where(anyOf(members.userId, [...new Set(people.map((p) => p.id))]));
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  const actors = new Map<string, PluginActor>();
  for (const person of people) {
    const row = byUser.get(person.id);
    if (row)
      actors.set(person.id, {
        id: person.id,
        displayName: person.displayName,
        roles: row.roles as TenantRole[],
        pluginRoles: row.pluginRoles,
        verified: row.verified,
      });
  }
  return { actors, ownerIdsByUser: new Map(rows.map((r) => [r.userId, r.ownerIds])) };
}
