import { OpenAPIHono } from '@hono/zod-openapi';
import { TENANT_ROLES, type TenantRole } from '@city/contracts';
import { AppError } from '@city/core';
import { schema, withTenantAs } from '@city/db';
import { accessGrants, type PluginAccess, type PluginEnv, type PluginServer } from '@city/plugin-sdk/server';
import { and, eq, sql } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { validationHook } from '../lib/problem.ts';
import { databaseRole, pluginContext, setRole } from './context.ts';
import { dispatchAfterCommit } from './dispatch-after-commit.ts';

type Env = AppEnv & PluginEnv;

/**
 * A plugin's API under /api/v1/t/:tenant/p/<id>/. Before any of its routes: a session (401), an active
 * neighbourhood the caller belongs to (404), the plugin installed and enabled there (404). The route then runs in
 * the neighbourhood's transaction, as the plugin's database role, with a context holding the granted scopes.
 */
export function pluginRouter(plugin: PluginServer): OpenAPIHono<Env> {
  const id = plugin.manifest.id;
  const installs = schema.pluginInstalls;
  const grants = schema.pluginRoleGrants;
  const router = new OpenAPIHono<Env>({ defaultHook: validationHook as never });
  router.use(
    '*',
    createMiddleware<Env>(async (c, next) => {
      const actor = c.get('actor');
      if (!actor) throw new AppError('unauthenticated');
      const services = c.get('services');
      const tenant = await services.tenants.bySlug(c.req.param('tenant') ?? '');
      if (!tenant || tenant.status !== 'active') throw new AppError('not_found');
      await withTenantAs(services.db, tenant.id, actor.id, async (tx, membership) => {
        if (!membership) throw new AppError('not_found');
        const [found] = await tx
          .select({
            install: installs,
            pluginRoles: sql<string[]>`coalesce((select array_agg(${grants.role}) from ${grants} where ${grants.pluginId} = ${id} and ${grants.userId} = ${actor.id}), '{}')`,
          })
          .from(installs)
          .where(and(eq(installs.pluginId, id), eq(installs.status, 'enabled')));
        if (!found) throw new AppError('not_found');
        const roles = membership.roles as TenantRole[];
        const context = pluginContext({
          tx,
          services,
          plugin: { id, version: found.install.version, role: databaseRole(plugin) },
          tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name },
          actor: { id: actor.id, displayName: actor.displayName, roles, pluginRoles: found.pluginRoles },
          grantedScopes: found.install.grantedScopes,
          settings: found.install.settings,
        });
        c.set('plugin', context);
        c.set('tenant', { id: tenant.id, slug: tenant.slug, name: tenant.name });
        c.set('member', { id: membership.id, roles });
        // The rest of the request is the plugin's: no need to switch back, the transaction ends with it.
        await setRole(tx, databaseRole(plugin));
        await next();
        // Hono catches handler errors before they reach middleware; rethrow so the transaction rolls back.
        if (c.error) throw c.error;
      });
      dispatchAfterCommit(c, services.pluginRuntime.dispatcher, tenant.id);
    }),
  );
  const routes = plugin.routes!(router as unknown as Parameters<NonNullable<PluginServer['routes']>>[0]);
  const ownRoles = (plugin.manifest.roles ?? []).map((r) => r.id);
  for (const definition of routes.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route as typeof definition.route & { 'x-plugin-access'?: PluginAccess; 'x-access'?: string[] };
    const access = route['x-plugin-access'];
    if (!access?.length) throw new Error(`${id}: ${route.method} ${route.path} must be declared with pluginRoute({ access })`);
    const unknown = access.filter((a) => !['member', ...TENANT_ROLES, ...ownRoles].includes(a));
    if (unknown.length) throw new Error(`${id}: ${route.method} ${route.path} names roles the plugin does not add: ${unknown.join(', ')}`);
    // Each plugin's operations are grouped under its own tag, with grants the role × route matrix can read.
    route.tags = [`plugin:${id}`];
    route['x-access'] = accessGrants(id, access);
    delete route['x-plugin-access'];
  }
  return router;
}
