import { OpenAPIHono } from '@hono/zod-openapi';
import { ORGANISATION_ROLES, TENANT_ROLES, type Grant, type TenantRole } from '@city/contracts';
import { pluginApiPattern, type PluginAudience } from '@city/plugin-sdk/links';
import { AppError } from '@city/core';
import { rollsBack } from '@city/plugin-sdk';
import type { PluginActor, PluginContext, PluginEnv, PluginServer } from '@city/plugin-sdk/server';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { callerOutside, requireAccess } from '../access/caller.ts';
import { activeTenant, enterTenant, type Entered, type Entrance } from '../access/enter-tenant.ts';
import type { AppEnv } from '../env.ts';
import { settleActor } from '../lib/session.ts';
import type { Submitter } from './groups.ts';
import { validationHook } from '../lib/problem.ts';
import { guardRoutes, type GuardedRoute } from '../lib/router.ts';
import { enabledInstall } from './actors.ts';
import { notifyAfterCommit } from './dispatch-after-commit.ts';
import { asOrganisation, asRegion, databaseRole, pluginContext } from './context.ts';

type Env = AppEnv & PluginEnv;
type Installed = Awaited<ReturnType<typeof enabledInstall>>;
type RoutesOf = NonNullable<PluginServer['routes']>;

/** A plugin that may ask for the caller's homes has them read with its install (one statement fewer per ask). */
const readsHomes = (plugin: PluginServer) => plugin.manifest.scopes.includes('members:homes');

/** The grants each audience's routes may declare: members' routes name roles; the others stand alone. */
function grantsFit(audience: PluginAudience, grants: readonly Grant[], pluginId: string, ownRoles: readonly string[]) {
  switch (audience) {
    case 'member': {
      const allowed = new Set<string>([
        'tenant:member',
        ...TENANT_ROLES.map((r) => `tenant:${r}`),
        ...ownRoles.map((r) => `plugin-role:${pluginId}.${r}`),
      ]);
      return grants.every((g) => allowed.has(g));
    }
    case 'public':
      return grants.length === 1 && grants[0] === 'public';
    case 'supervision':
      return grants.length === 2 && grants.includes('region-staff') && grants.includes('operator');
    case 'organisation':
      return grants.every((g) => g === 'org:member' || ORGANISATION_ROLES.some((role) => g === `org:${role}`));
    case 'region':
      return grants.length === 1 && grants[0] === 'region:staff';
  }
}

/**
 * Runs the rest of the request as the plugin, in the neighbourhood the request entered: the plugin enabled there (404
 * otherwise), the context holding its granted scopes, then the plugin's database role for the rest of the
 * transaction (its end restores the connection's own role) — switched by the statement that read the install.
 */
async function runAsPlugin(
  c: Context<Env>,
  plugin: PluginServer,
  entered: Entered,
  who: { actor: PluginActor | null; supervisor: PluginContext['supervisor'] },
  next: () => Promise<void>,
  // A member's gate has read the install already (switching to the plugin's role), with what the member holds in it.
  installed?: Installed,
) {
  const id = plugin.manifest.id;
  const { tx, tenant } = entered;
  const role = databaseRole(plugin);
  const found = installed ?? (await enabledInstall(tx, id, who.actor?.id ?? null, role, readsHomes(plugin)));
  const context = pluginContext({
    tx,
    services: c.get('services'),
    memory: c.get('services').pluginRuntime.memory,
    plugin: { id, version: found.install.version, role },
    tenant,
    actor: who.actor,
    ownerIdsByUser: who.actor ? new Map([[who.actor.id, found.ownerIds]]) : undefined,
    actorHomes: found.homes,
    supervisor: who.supervisor,
    grantedScopes: found.install.grantedScopes,
    settings: found.install.settings,
  });
  c.set('plugin', context);
  await next();
}

/**
 * The gate of one plugin route: the caller checked against the route's grants (the same check as every core route),
 * then the neighbourhood entered the audience's way (or, for organisations and regions, their own transaction opened),
 * and the plugin's code run in it.
 */
function gate(plugin: PluginServer, audience: PluginAudience, grants: readonly Grant[], grouped: boolean) {
  const id = plugin.manifest.id;
  // A member of the neighbourhood, entered as `entrance`; the caller is known once inside (a session is checked there).
  const asMember = (c: Context<Env>, entrance: Entrance, next: () => Promise<void>) =>
    enterTenant(c, entrance, async (entered) => {
      const caller = await callerOutside(c, grants);
      const actor = c.get('actor');
      if (!actor) return requireAccess(grants, caller);
      const found = entered.membership;
      const roles = (found?.roles ?? []) as TenantRole[];
      // Not a member: 404 before the plugin is looked at, as for core routes.
      if (!found) requireAccess(grants, caller);
      const install = await enabledInstall(entered.tx, id, actor.id, databaseRole(plugin), readsHomes(plugin));
      requireAccess(grants, {
        ...caller,
        member: { roles, pluginRoles: install.pluginRoles.map((r) => `${id}.${r}`) },
      });
      c.set('member', { id: found!.id, roles });
      const who = {
        id: actor.id,
        displayName: actor.displayName,
        roles,
        pluginRoles: install.pluginRoles,
        verified: install.verified,
      };
      await runAsPlugin(c, plugin, entered, { actor: who, supervisor: null }, next, install);
    });
  // A grouped route's work joins its group, which checks sessions and members item by item in the group's transaction.
  const joinGroup = async (c: Context<Env>, submitter: Submitter, next: () => Promise<void>) => {
    const services = c.get('services');
    const tenant = await activeTenant(services, c.req.param('tenant') ?? '').catch(async (error: unknown) => {
      // As on entering by a session: no one learns which neighbourhoods exist before their session is known to hold.
      if ('credential' in submitter && !(await settleActor(c))) throw new AppError('unauthenticated');
      throw error;
    });
    c.set('tenant', tenant);
    c.set('group', (work, input) => services.pluginRuntime.groups.submit(plugin, tenant, submitter, work, input));
    return next();
  };
  return createMiddleware<Env>(async (c, next) => {
    const credential = c.get('credential');
    // The session is read with the membership as the neighbourhood is entered (member grants are all tenant grants),
    // or, on a grouped route, with the group's other sessions — after the request's validation, which then comes
    // first for a session that does not hold (400 before 401; the answer is the same 401 otherwise).
    if (audience === 'member' && credential) {
      return grouped ? joinGroup(c, { credential }, next) : asMember(c, { as: 'session', credential }, next);
    }
    const caller = await callerOutside(c, grants);
    const actor = c.get('actor');
    const services = c.get('services');
    // Outside a neighbourhood the gate opens the transaction itself: Hono catches the handler's error before it reaches
    // the gate, so one that undoes the request is thrown again to roll the transaction back.
    const handle = async () => {
      await next();
      if (c.error && rollsBack(c.error)) throw c.error;
    };
    if (audience === 'public') {
      requireAccess(grants, caller);
      await enterTenant(c, { as: 'public' }, (entered) =>
        runAsPlugin(c, plugin, entered, { actor: null, supervisor: null }, next),
      );
      return;
    }
    if (audience === 'supervision') {
      requireAccess(grants, caller);
      const supervisor = { id: actor!.id, displayName: actor!.displayName };
      await enterTenant(c, { as: 'supervisor', actor: actor! }, (entered) =>
        runAsPlugin(c, plugin, entered, { actor: null, supervisor }, next),
      );
      return;
    }
    if (audience === 'organisation') {
      requireAccess(grants, caller);
      const { id: organisationId, role, name } = c.get('organisation');
      const who = {
        organisation: { id: organisationId, name },
        actor: { id: actor!.id, displayName: actor!.displayName, role },
      };
      await asOrganisation(services, plugin, who, (context) => {
        c.set('org', context);
        return handle();
      });
      notifyAfterCommit(c, services.notifier);
      return;
    }
    if (audience === 'region') {
      requireAccess(grants, caller);
      const { id: regionId, name, kind, parentId } = c.get('staffRegion');
      const who = {
        region: { id: regionId, name, level: kind, parentId },
        actor: { id: actor!.id, displayName: actor!.displayName },
      };
      await asRegion(services, plugin, who, (context) => {
        c.set('region', context);
        return handle();
      });
      return;
    }
    if (!actor) return requireAccess(grants, caller);
    if (grouped) return joinGroup(c, { person: { id: actor.id, displayName: actor.displayName } }, next);
    await asMember(c, { as: 'person', actor }, next);
  });
}

/**
 * One of a plugin's APIs, for one audience: every route it defines is registered behind its gate (a route whose grants
 * do not fit the audience is refused when the plugin is mounted) and documented under the tag `plugin:<id>`.
 */
function pluginRouter(plugin: PluginServer, audience: PluginAudience, define: RoutesOf): OpenAPIHono<Env> {
  const id = plugin.manifest.id;
  const ownRoles = (plugin.manifest.roles ?? []).map((r) => r.id);
  const router = guardRoutes(
    new OpenAPIHono<Env>({ defaultHook: validationHook as never }),
    (route: GuardedRoute & { 'x-plugin-grouped'?: boolean }, grants) => {
      if (!grantsFit(audience, grants, id, ownRoles)) {
        throw new Error(
          `${id}: ${route.method} ${route.path} declares ${grants.join(', ')}, which ${audience} routes cannot`,
        );
      }
      const grouped = route['x-plugin-grouped'] === true;
      if (grouped && (audience !== 'member' || grants.join() !== 'tenant:member')) {
        throw new Error(
          `${id}: ${route.method} ${route.path}: grouped routes are for members (access ['tenant:member'])`,
        );
      }
      return [gate(plugin, audience, grants, grouped)];
    },
  );
  const routes = define(router as unknown as Parameters<RoutesOf>[0]);
  for (const definition of routes.openAPIRegistry.definitions) {
    if (definition.type === 'route') definition.route.tags = [`plugin:${id}`];
  }
  return router;
}

const AUDIENCES = {
  member: (plugin: PluginServer) => plugin.routes,
  public: (plugin: PluginServer) => plugin.publicRoutes,
  organisation: (plugin: PluginServer) => plugin.organisationRoutes,
  supervision: (plugin: PluginServer) => plugin.supervisionRoutes,
  region: (plugin: PluginServer) => plugin.regionRoutes,
} as const satisfies Record<PluginAudience, (plugin: PluginServer) => RoutesOf | undefined>;

/** Every API of a plugin with the path it is mounted at (the links module's pattern for its audience). */
export function pluginRouters(plugin: PluginServer): Array<{ prefix: string; router: OpenAPIHono<Env> }> {
  return Object.entries(AUDIENCES).flatMap(([audience, routesOf]) => {
    const define = routesOf(plugin);
    if (!define) return [];
    const prefix = pluginApiPattern(audience as PluginAudience, plugin.manifest.id);
    return [{ prefix, router: pluginRouter(plugin, audience as PluginAudience, define) }];
  });
}
