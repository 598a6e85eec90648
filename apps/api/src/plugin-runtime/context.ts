import { countingArea, type NoticeInput, type TenantRole } from '@city/contracts';
import {
  addressOf,
  allUnits,
  audit,
  currentOwnerships,
  homesFrom,
  profileBadgesOf,
  setProfileBadge,
  unconfirmedLookalikes,
  unitChangesSince,
  verifiedHomes,
  verifiedOwnerIds,
  type HomeRow,
  type Services,
} from '@city/core';
import { schema, withOrganisation, withRegion, type Tx } from '@city/db';
import { ScopeNotGranted, type Scope } from '@city/plugin-sdk';
import { pluginLinks } from '@city/plugin-sdk/links';
import { pluginRole } from '@city/plugin-sdk/schema';
import type {
  OfferingNeighbourhood,
  OrganisationContext,
  PluginActor,
  PluginContext,
  PluginDb,
  PluginServer,
  RegionContext,
  RegionSummary,
  UnitSummary,
} from '@city/plugin-sdk/server';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { PluginMemory } from './memory.ts';

/** Local to the transaction: its end (commit or rollback) restores the connection's own role. */
export const setRole = (tx: Tx, role: string) => tx.execute(sql`select set_config('role', ${role}, true)`);

/**
 * Runs plugin code as the plugin's database role (its own tables only). If the code throws, the role is left as it
 * is: every caller then rolls back (the request's transaction, or the delivery's savepoint), which restores it.
 */
export async function asPlugin<T>(tx: Tx, role: string, fn: () => Promise<T>): Promise<T> {
  await setRole(tx, role);
  const result = await fn();
  await setRole(tx, schema.APP_ROLE);
  return result;
}

/**
 * Core capabilities run as the app role, in a savepoint: if one fails and the plugin catches the error, rolling
 * back the savepoint also puts the plugin's role back, so a failure never leaves plugin code with app privileges.
 */
function asApp<T>(tx: Tx, role: string, fn: () => Promise<T>): Promise<T> {
  return tx.transaction(async (savepoint) => {
    await setRole(savepoint, schema.APP_ROLE);
    const result = await fn();
    await setRole(savepoint, role);
    return result;
  });
}

/**
 * Core reads run as the app role without a savepoint (two round trips fewer than asApp): they write nothing, and
 * however they fail the plugin's role comes back — after a database error the transaction is aborted and runs nothing
 * more (the restore fails with it, harmlessly); after any other error the restore succeeds.
 */
export async function readAsApp<T>(tx: Tx, role: string, fn: () => Promise<T>): Promise<T> {
  await setRole(tx, schema.APP_ROLE);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    await setRole(tx, role).catch(() => undefined);
    throw error;
  }
  await setRole(tx, role);
  return result;
}

/** Plugins with tables run as their own role (created by their migrations); the others as a role with no tables. */
export const databaseRole = (plugin: PluginServer) =>
  plugin.migrations ? pluginRole(plugin.manifest.id) : 'city_plugin';

/** A registry unit as plugins see it: the counting area in place of the three figures, no personal data. */
function unitSummary(unit: Awaited<ReturnType<typeof allUnits>>[number]): UnitSummary {
  const counted = countingArea(unit);
  const { id, buildingId, buildingName, entrance, floor, room, saleStatus } = unit;
  return {
    id,
    buildingId,
    buildingName,
    entrance,
    floor,
    room,
    saleStatus,
    countingArea: counted?.area ?? null,
    areaSource: counted?.source ?? null,
  };
}

export interface ContextInput {
  tx: Tx;
  services: Services;
  memory: PluginMemory;
  plugin: { id: string; version: string; role: string };
  tenant: { id: string; slug: string; name: string };
  actor: PluginActor | null;
  supervisor?: PluginContext['supervisor'];
  /** The registry owners members are verified as, by user id, where the caller already read them. */
  ownerIdsByUser?: ReadonlyMap<string, readonly string[]>;
  /** The actor's verified homes, where the caller already read them (with the install). */
  actorHomes?: readonly HomeRow[] | undefined;
  grantedScopes: readonly string[];
  settings: Record<string, unknown>;
}

/**
 * The context plugin code receives: exactly the capabilities of the scopes its neighbourhood granted. The check is
 * made on every call, so a capability that exists in the type but was not granted throws ScopeNotGranted.
 */
export function pluginContext(input: ContextInput): PluginContext {
  const { tx, services, plugin, tenant } = input;
  const need = (scope: Scope) => {
    if (!input.grantedScopes.includes(scope)) throw new ScopeNotGranted(plugin.id, scope);
  };
  const core = async <T>(scope: Scope, fn: () => Promise<T>): Promise<T> => {
    need(scope);
    return asApp(tx, plugin.role, fn);
  };
  const read = async <T>(scope: Scope, fn: () => Promise<T>): Promise<T> => {
    need(scope);
    return readAsApp(tx, plugin.role, fn);
  };
  // Capabilities whose one statement switches to the app role itself (a function with a SET role clause, migration
  // 0047): no role switch around them, nor a savepoint — the function restores the plugin's role however it ends.
  const selfSwitching = async <T>(scope: Scope, fn: () => Promise<T>): Promise<T> => {
    need(scope);
    return fn();
  };
  const at = () => services.clock.now();
  const who = { id: input.actor?.id ?? null, displayName: input.actor?.displayName ?? plugin.id };
  return {
    plugin: { id: plugin.id, version: plugin.version },
    tenant,
    actor: input.actor,
    supervisor: input.supervisor ?? null,
    settings: input.settings,
    links: pluginLinks('member', tenant.slug, plugin.id, services.publicUrl),
    now: at,
    fonts: services.fonts,
    granted: (scope) => input.grantedScopes.includes(scope),
    remember: (key, load) => input.memory.remember(`${plugin.id}\0${tenant.id}\0${key}`, load),
    db: tx as unknown as PluginDb,
    registry: {
      buildings: () =>
        read('registry:read', () =>
          tx
            .select({ id: schema.buildings.id, name: schema.buildings.name })
            .from(schema.buildings)
            .orderBy(asc(schema.buildings.name)),
        ),
      units: () => read('registry:read', async () => (await allUnits(tx)).map(unitSummary)),
      ownerRoll: () =>
        read('registry:owners', async () => {
          const units = await allUnits(tx);
          const byUnit = Map.groupBy(await currentOwnerships(tx), (o) => o.unitId);
          return units.map((unit) => ({
            ...unitSummary(unit),
            owners: (byUnit.get(unit.id) ?? []).map(({ ownerId, name, designatedVoter }) => ({
              ownerId,
              name,
              designatedVoter,
            })),
          }));
        }),
      ownerIdsOf: async (userId: string) => {
        const known = input.ownerIdsByUser?.get(userId);
        if (!known) return read('registry:owners', () => verifiedOwnerIds(tx, userId));
        need('registry:owners');
        return [...known];
      },
      unconfirmedLookalikes: () => read('registry:owners', () => unconfirmedLookalikes(tx)),
      unitChanges: (unitIds, since) =>
        read('registry:owners', async () =>
          (await unitChangesSince(tx, unitIds, since)).map((c) => ({ ...c, at: c.at.toISOString() })),
        ),
    },
    members: {
      list: () =>
        read('members:read', async () => {
          const rows = await tx
            .select({
              userId: schema.members.userId,
              displayName: schema.members.displayName,
              roles: schema.members.roles,
            })
            .from(schema.members);
          return rows.map((r) => ({ ...r, roles: r.roles as TenantRole[] }));
        }),
      homes: () =>
        selfSwitching('members:homes', async () => {
          if (!input.actor) return [];
          const rows = input.actorHomes ? homesFrom(input.actorHomes) : await verifiedHomes(tx, input.actor.id);
          return rows.map(({ unitId, relation, ...unit }) => ({ unitId, relation, address: addressOf(unit) }));
        }),
    },
    notices: {
      publish: (notice: NoticeInput) =>
        core('notices:publish', async () => {
          const published = await services.notices.publishNow(
            tx,
            { tenantId: tenant.id, actor: who, at: at() },
            notice,
            `plugin:${plugin.id}`,
            services.notifications,
          );
          return { id: published.id };
        }),
    },
    audit: {
      append: (entry) =>
        core('audit:write', async () => {
          await audit(
            tx,
            { tenantId: tenant.id, actor: who, at: at() },
            { ...entry, action: `${plugin.id}.${entry.action}`, details: entry.details ?? {} },
          );
        }),
    },
    notifications: {
      send: ({ kind, to, ...notification }) =>
        selfSwitching('notifications:send', () =>
          services.notifications.send(
            tx,
            tenant.id,
            plugin.id,
            { ...notification, kind: `${plugin.id}.${kind}`, audience: to },
            at(),
          ),
        ),
    },
    feedback: {
      open: ({ buildingId, note, ...report }) =>
        core('feedback:create', () => {
          if (!input.actor)
            throw new Error(`${plugin.id}: feedback.open is for member routes (it reports as the member)`);
          return services.feedback.openFromPlugin(
            tx,
            { tenantId: tenant.id, actor: who, at: at() },
            { userId: input.actor.id, roles: input.actor.roles },
            {
              ...report,
              pluginId: plugin.id,
              place: {
                kind: buildingId ? 'building' : 'public',
                buildingId: buildingId ?? null,
                unitId: null,
                note: note ?? '',
              },
            },
          );
        }),
    },
    events: {
      emit: (name, payload) =>
        asApp(tx, plugin.role, () => services.events.emit(tx, tenant.id, `${plugin.id}.${name}`, payload, at())),
    },
    profiles: {
      badges: (userIds) => readAsApp(tx, plugin.role, () => profileBadgesOf(tx, userIds)),
      setBadge: (userId, label) =>
        core('profile:badges', () =>
          setProfileBadge(tx, { tenantId: tenant.id, pluginId: plugin.id, userId, at: at() }, label),
        ),
    },
  };
}

/**
 * Active neighbourhoods that have the plugin enabled, by name: read by core code as the app role, under the scope's
 * policy on installs (an organisation's: every install, 0014; a region's: its branch's, as supervision reads them).
 */
function enabledNeighbourhoods(tx: Tx, pluginId: string, ...only: Array<SQL | undefined>) {
  const { tenants, pluginInstalls } = schema;
  return tx
    .select({
      id: tenants.id,
      slug: tenants.slug,
      name: tenants.name,
      communityId: tenants.communityId,
      streetId: tenants.streetId,
    })
    .from(pluginInstalls)
    .innerJoin(tenants, eq(tenants.id, pluginInstalls.tenantId))
    .where(
      and(
        eq(pluginInstalls.pluginId, pluginId),
        eq(pluginInstalls.status, 'enabled'),
        eq(tenants.status, 'active'),
        ...only,
      ),
    )
    .orderBy(asc(tenants.name));
}

/** Where an organisation may offer its work: nothing of a neighbourhood's place in the tree. */
async function offeringNeighbourhoods(
  tx: Tx,
  pluginId: string,
  only: { slug?: string; id?: string } = {},
): Promise<OfferingNeighbourhood[]> {
  const { tenants } = schema;
  const rows = await enabledNeighbourhoods(
    tx,
    pluginId,
    only.slug === undefined ? undefined : eq(tenants.slug, only.slug),
    only.id === undefined ? undefined : eq(tenants.id, only.id),
  );
  return rows.map(({ id, slug, name }) => ({ id, slug, name }));
}

export interface OrganisationContextInput {
  tx: Tx;
  services: Services;
  plugin: { id: string; version: string; role: string };
  organisation: OrganisationContext['organisation'];
  actor: OrganisationContext['actor'];
}

/** The context of a plugin's organisation routes: no neighbourhood entered, the organisation's own policies. */
function organisationContext(input: OrganisationContextInput): OrganisationContext {
  const { tx, services, plugin } = input;
  // Where the plugin is enabled and was granted the scope: read under the organisations' policy on installs (0014).
  const granted = (neighbourhoodId: string) =>
    readAsApp(tx, plugin.role, async () => {
      const [install] = await tx
        .select({ scopes: schema.pluginInstalls.grantedScopes })
        .from(schema.pluginInstalls)
        .where(
          and(
            eq(schema.pluginInstalls.tenantId, neighbourhoodId),
            eq(schema.pluginInstalls.pluginId, plugin.id),
            eq(schema.pluginInstalls.status, 'enabled'),
          ),
        );
      return !!install?.scopes.includes('notifications:send');
    });
  return {
    plugin: { id: plugin.id, version: plugin.version },
    organisation: input.organisation,
    actor: input.actor,
    links: pluginLinks('organisation', input.organisation.id, plugin.id, services.publicUrl),
    now: () => services.clock.now(),
    db: tx as unknown as PluginDb,
    notifications: {
      granted,
      send: async (neighbourhoodId, { kind, to, ...notification }) => {
        if (!(await granted(neighbourhoodId))) throw new ScopeNotGranted(plugin.id, 'notifications:send');
        // Switches to the app role itself (migration 0047).
        await services.notifications.send(
          tx,
          neighbourhoodId,
          plugin.id,
          { ...notification, kind: `${plugin.id}.${kind}`, audience: to },
          services.clock.now(),
        );
      },
    },
    neighbourhoods: {
      offering: () => readAsApp(tx, plugin.role, () => offeringNeighbourhoods(tx, plugin.id)),
      offeringBySlug: async (slug) =>
        (await readAsApp(tx, plugin.role, () => offeringNeighbourhoods(tx, plugin.id, { slug })))[0] ?? null,
      offeringById: async (id) =>
        (await readAsApp(tx, plugin.role, () => offeringNeighbourhoods(tx, plugin.id, { id })))[0] ?? null,
    },
  };
}

export interface RegionContextInput {
  tx: Tx;
  services: Services;
  plugin: { id: string; version: string; role: string };
  region: RegionSummary;
  actor: RegionContext['actor'];
}

/** The context of a plugin's region routes: no neighbourhood entered, the region's own policies (migration 0036). */
function regionContext(input: RegionContextInput): RegionContext {
  const { tx, services, plugin } = input;
  const { regions, tenants } = schema;
  return {
    plugin: { id: plugin.id, version: plugin.version },
    region: input.region,
    actor: input.actor,
    links: pluginLinks('region', input.region.id, plugin.id, services.publicUrl),
    now: () => services.clock.now(),
    db: tx as unknown as PluginDb,
    regions: {
      branch: () =>
        readAsApp(tx, plugin.role, () =>
          tx
            .select({ id: regions.id, name: regions.name, level: regions.kind, parentId: regions.parentId })
            .from(regions)
            .where(sql`${regions.id} = any(app_region_branch())`)
            .orderBy(sql`array_position(array['district', 'street', 'community'], ${regions.kind})`, asc(regions.name)),
        ),
    },
    neighbourhoods: {
      // The region's neighbourhoods are the scope's supervised ones (withRegion), whose installs it reads.
      enabled: () =>
        readAsApp(tx, plugin.role, () =>
          enabledNeighbourhoods(tx, plugin.id, sql`${tenants.id} = any(app_supervised_tenants())`),
        ),
    },
  };
}

/**
 * Runs plugin code outside any neighbourhood, in the transaction `scope` opens for an organisation or a region: the
 * context built for it, then the plugin's database role for the rest of the transaction.
 */
function outsideNeighbourhoods<C, T>(
  plugin: PluginServer,
  scope: (run: (tx: Tx) => Promise<T>) => Promise<T>,
  contextOf: (tx: Tx, meta: { id: string; version: string; role: string }) => C,
  fn: (context: C) => Promise<T>,
): Promise<T> {
  const role = databaseRole(plugin);
  return scope(async (tx) => {
    const context = contextOf(tx, { id: plugin.manifest.id, version: plugin.manifest.version, role });
    await setRole(tx, role);
    return fn(context);
  });
}

/**
 * Runs plugin code for an organisation: its transaction (no neighbourhood entered), the plugin's database role, and
 * the organisation context. For the plugin's organisation routes and its organisation demo.
 */
export function asOrganisation<T>(
  services: Services,
  plugin: PluginServer,
  who: Pick<OrganisationContextInput, 'organisation' | 'actor'>,
  fn: (context: OrganisationContext) => Promise<T>,
): Promise<T> {
  return outsideNeighbourhoods(
    plugin,
    (run) => withOrganisation(services.db, who.organisation.id, run),
    (tx, meta) => organisationContext({ tx, services, plugin: meta, ...who }),
    fn,
  );
}

/**
 * Runs plugin code for a region, once the caller is known to be on its staff or above it: the region's transaction
 * (read-write, no neighbourhood entered), the plugin's database role, and the region context. For region routes.
 */
export function asRegion<T>(
  services: Services,
  plugin: PluginServer,
  who: Pick<RegionContextInput, 'region' | 'actor'>,
  fn: (context: RegionContext) => Promise<T>,
): Promise<T> {
  return outsideNeighbourhoods(
    plugin,
    (run) => withRegion(services.db, who.region.id, run),
    (tx, meta) => regionContext({ tx, services, plugin: meta, ...who }),
    fn,
  );
}
