import { error, type RequestEvent } from '@sveltejs/kit';
import { portalOf } from '#lib/plugins.ts';
import { routes } from '#lib/routes.ts';
import { apiFor, pluginClientFor } from '#lib/server/api.ts';
import { loadPage, pageFor, portalContext, runPluginAction } from '#lib/server/plugin-pages.ts';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ tenant: string; pluginId: string; path: string }>;

/** A plugin's public page: no session; the neighbourhood must have the plugin enabled (404 otherwise). */
async function resolve(event: Event) {
  const { tenant, pluginId } = event.params;
  const [portal, offered] = await Promise.all([
    portalOf(pluginId),
    apiFor(event).api.v1.public.n[':tenant'].plugins[':pluginId'].$get({ param: { tenant, pluginId } }),
  ]);
  if (!portal || !offered.ok) error(404, 'not found');
  const { neighbourhood, plugin } = await offered.json();
  const match = pageFor(portal.publicPages, event.params.path);
  const context = portalContext(event, match, {
    client: pluginClientFor(event, tenant, pluginId, 'public'),
    tenant: neighbourhood,
    actor: { roles: [], pluginRoles: [] },
  });
  return { neighbourhood, plugin, match, context };
}

export const load = (async (event) => {
  const { neighbourhood, plugin, match, context } = await resolve(event);
  return { neighbourhood, plugin, pattern: match.pattern, ...(await loadPage(event, match.page, context)) };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const { match, context } = await resolve(event);
    return runPluginAction(event, match.page, context, (path) =>
      routes.publicPluginPage(event.params.tenant, event.params.pluginId, path),
    );
  },
} satisfies Actions;
