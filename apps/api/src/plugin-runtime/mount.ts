import { OpenAPIHono } from '@hono/zod-openapi';
import { TENANT_ROLES, type TenantRole } from '@city/contracts';
import { AppError, type Services } from '@city/core';
import { withTenant, withTenantAs, withTenantReadOnly, type Tx } from '@city/db';
import {
  accessGrants,
  groupedRoute,
  type PluginAccess,
  type PluginActor,
  type PluginContext,
  type PluginEnv,
  type PluginServer,
} from '@city/plugin-sdk/server';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { COMPOSED_HANDLER } from 'hono/utils/constants';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../lib/problem.ts';
import { enabledInstall } from './actors.ts';
import { asOrganisation, databaseRole, pluginContext, setRole } from './context.ts';
import { dispatchAfterCommit } from './dispatch-after-commit.ts';

type Env = AppEnv & PluginEnv;
type Tenant = { id: string; slug: string; name: string };
type Audience = 'member' | 'public' | 'supervisor' | 'organisation';
type RoutesOf = NonNullable<PluginServer['routes']>;

/**
 * Runs the rest of the request as the plugin: context built from the install, then the plugin's database role for
 * the rest of the transaction (its end restores the connection's own role).
 */
async function runAsPlugin(
  c: Context<Env>,
  plugin: PluginServer,
  tx: Tx,
  tenant: Tenant,
  who: { actor: Omit<PluginActor, 'pluginRoles' | 'verified'> | null; supervisor: PluginContext['supervisor'] },
  next: () => Promise<void>,
) {
  const id = plugin.manifest.id;
  const found = await enabledInstall(tx, id, who.actor?.id ?? null);
  const context = pluginContext({
    tx,
    services: c.get('services'),
    plugin: { id, version: found.install.version, role: databaseRole(plugin) },
    tenant,
    actor: who.actor ? { ...who.actor, pluginRoles: found.pluginRoles, verified: found.verified } : null,
    ownerIdsByUser: who.actor ? new Map([[who.actor.id, found.ownerIds]]) : undefined,
    supervisor: who.supervisor,
    grantedScopes: found.install.grantedScopes,
    settings: found.install.settings,
  });
  c.set('plugin', context);
  c.set('tenant', tenant);
  await setRole(tx, databaseRole(plugin));
  await next();
  // Hono catches handler errors before they reach middleware; rethrow so the transaction rolls back.
  if (c.error) throw c.error;
}

async function activeTenant(services: Services, slug: string): Promise<Tenant> {
  const tenant = await services.tenants.bySlug(slug);
  if (!tenant || tenant.status !== 'active') throw new AppError('not_found');
  return { id: tenant.id, slug: tenant.slug, name: tenant.name };
}

/**
 * Whether the matched route is a grouped one (its guard is `groupedRoute`). An app mounted into another with its own
 * error handler has its handlers wrapped; Hono keeps the original beside the wrapper.
 */
const isGrouped = (c: Context) =>
  matchedRoutes(c).some(
    (route) =>
      route.handler === groupedRoute ||
      (route.handler as unknown as Record<string, unknown>)[COMPOSED_HANDLER] === groupedRoute,
  );

/** How each audience enters the neighbourhood before the plugin's code runs. */
const ENTRANCES: Record<Audience, (plugin: PluginServer) => ReturnType<typeof createMiddleware<Env>>> = {
  /** A member of an active neighbourhood that has the plugin enabled (404 otherwise: existence is not revealed). */
  member: (plugin) =>
    createMiddleware<Env>(async (c, next) => {
      const actor = c.get('actor');
      if (!actor) throw new AppError('unauthenticated');
      const services = c.get('services');
      const tenant = await activeTenant(services, c.req.param('tenant') ?? '');
      if (isGrouped(c)) {
        // No transaction per request: the handler's work joins a group, which checks membership item by item.
        const person = { id: actor.id, displayName: actor.displayName };
        c.set('tenant', tenant);
        c.set('group', (work, input) => services.pluginRuntime.groups.submit(plugin, tenant, person, work, input));
        return next();
      }
      await withTenantAs(services.db, tenant.id, actor.id, async (tx, membership) => {
        if (!membership) throw new AppError('not_found');
        const roles = membership.roles as TenantRole[];
        c.set('member', { id: membership.id, roles });
        await runAsPlugin(
          c,
          plugin,
          tx,
          tenant,
          { actor: { id: actor.id, displayName: actor.displayName, roles }, supervisor: null },
          next,
        );
      });
      dispatchAfterCommit(c, services.pluginRuntime.dispatcher, tenant.id);
    }),
  /** Anyone, signed in or not; the plugin sees no actor. */
  public: (plugin) =>
    createMiddleware<Env>(async (c, next) => {
      const services = c.get('services');
      const tenant = await activeTenant(services, c.req.param('tenant') ?? '');
      await withTenant(services.db, tenant.id, (tx) =>
        runAsPlugin(c, plugin, tx, tenant, { actor: null, supervisor: null }, next),
      );
      dispatchAfterCommit(c, services.pluginRuntime.dispatcher, tenant.id);
    }),
  /** 街道/社区 staff whose region holds the neighbourhood (404 for other branches), in a READ ONLY transaction. */
  supervisor: (plugin) =>
    createMiddleware<Env>(async (c, next) => {
      const actor = c.get('actor');
      if (!actor) throw new AppError('unauthenticated');
      const services = c.get('services');
      if (!actor.isPlatformOperator && !(await services.regions.staffRegions(actor.id)).length)
        throw new AppError('forbidden');
      const found = await services.supervision.supervisedTenant(actor, c.req.param('tenant') ?? '');
      if (found.status !== 'active') throw new AppError('not_found');
      const tenant = { id: found.id, slug: found.slug, name: found.name };
      const supervisor = { id: actor.id, displayName: actor.displayName };
      await withTenantReadOnly(services.db, tenant.id, (tx) =>
        runAsPlugin(c, plugin, tx, tenant, { actor: null, supervisor }, next),
      );
    }),
  /**
   * Staff of an organisation (404 for everyone else), acting for it: no neighbourhood is entered, the plugin reaches
   * its organisation-wide rows and the rows it shares with neighbourhoods through their organisation policies.
   */
  organisation: (plugin) =>
    createMiddleware<Env>(async (c, next) => {
      const actor = c.get('actor');
      if (!actor) throw new AppError('unauthenticated');
      const services = c.get('services');
      const organisationId = c.req.param('organisation') ?? '';
      const staff = await services.organisations.staffMember(organisationId, actor.id);
      if (!staff) throw new AppError('not_found');
      const { role, name } = staff;
      c.set('organisation', { id: organisationId, role });
      const who = {
        organisation: { id: organisationId, name },
        actor: { id: actor.id, displayName: actor.displayName, role },
      };
      await asOrganisation(services, plugin, who, async (context) => {
        c.set('org', context);
        await next();
        if (c.error) throw c.error;
      });
    }),
};

/** Which access words an audience's routes may use: public and supervisor routes stand alone. */
function checkAccess(
  id: string,
  audience: Audience,
  route: { method: string; path: string },
  access: PluginAccess | undefined,
  ownRoles: string[],
) {
  const where = `${id}: ${route.method} ${route.path}`;
  if (!access?.length) throw new Error(`${where} must be declared with pluginRoute({ access })`);
  if (audience === 'organisation') {
    const wrong = access.filter((a) => !['org:member', 'org:owner', 'org:manager', 'org:staff'].includes(a));
    if (wrong.length)
      throw new Error(`${where}: organisation routes declare org:member or org:<role>, not ${wrong.join(', ')}`);
    return;
  }
  if (audience !== 'member') {
    if (access.length !== 1 || access[0] !== audience)
      throw new Error(`${where}: ${audience} routes declare access ['${audience}']`);
    return;
  }
  const unknown = access.filter((a) => !['member', ...TENANT_ROLES, ...ownRoles].includes(a));
  if (unknown.length) throw new Error(`${where} names roles the plugin does not add: ${unknown.join(', ')}`);
}

/**
 * One of a plugin's APIs, for one audience: members under /api/v1/t/:tenant/p/<id>/, anyone under
 * /api/v1/public/n/:tenant/p/<id>/, supervisors under /api/v1/supervision/neighbourhoods/:tenant/p/<id>/. The route then runs in
 * the neighbourhood's transaction, as the plugin's database role, with a context holding the granted scopes.
 */
function pluginRouter(plugin: PluginServer, audience: Audience, define: RoutesOf): OpenAPIHono<Env> {
  const id = plugin.manifest.id;
  const router = new OpenAPIHono<Env>({ defaultHook: validationHook as never });
  router.use('*', ENTRANCES[audience](plugin));
  const routes = define(router as unknown as Parameters<RoutesOf>[0]);
  const ownRoles = (plugin.manifest.roles ?? []).map((r) => r.id);
  for (const definition of routes.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route as typeof definition.route & {
      'x-plugin-access'?: PluginAccess;
      'x-access'?: string[];
    };
    const access = route['x-plugin-access'];
    checkAccess(id, audience, route, access, ownRoles);
    // Each plugin's operations are grouped under its own tag, with grants the role × route matrix can read.
    route.tags = [`plugin:${id}`];
    route['x-access'] = accessGrants(id, access!);
    delete route['x-plugin-access'];
  }
  return router;
}

/** Every API of a plugin with the prefix it is mounted at. */
export function pluginRouters(plugin: PluginServer): Array<{ prefix: string; router: OpenAPIHono<Env> }> {
  const id = plugin.manifest.id;
  const mounts: Array<{ prefix: string; router: OpenAPIHono<Env> }> = [];
  if (plugin.routes)
    mounts.push({ prefix: `/api/v1/t/:tenant/p/${id}`, router: pluginRouter(plugin, 'member', plugin.routes) });
  if (plugin.publicRoutes)
    mounts.push({
      prefix: `/api/v1/public/n/:tenant/p/${id}`,
      router: pluginRouter(plugin, 'public', plugin.publicRoutes),
    });
  if (plugin.organisationRoutes) {
    mounts.push({
      prefix: `/api/v1/o/:organisation/p/${id}`,
      router: pluginRouter(plugin, 'organisation', plugin.organisationRoutes),
    });
  }
  if (plugin.supervisionRoutes) {
    mounts.push({
      prefix: `/api/v1/supervision/neighbourhoods/:tenant/p/${id}`,
      router: pluginRouter(plugin, 'supervisor', plugin.supervisionRoutes),
    });
  }
  return mounts;
}
