import { error, type RequestEvent } from '@sveltejs/kit';
import { portalOf } from '#lib/plugins.ts';
import { routes } from '#lib/routes.ts';
import { apiFor, pluginClientFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { loadPage, pageFor, portalContext, runPluginAction } from '#lib/server/plugin-pages.ts';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ tenant: string; pluginId: string; path: string }>;

/**
 * Everything a plugin page needs, checked in order: a session, the neighbourhood (404 for non-members), the plugin
 * enabled there (404 otherwise), and one of its pages matching the path (404 otherwise).
 */
async function resolve(event: Event) {
  requireMe(event.locals, event.url);
  const { tenant, pluginId } = event.params;
  const api = apiFor(event);
  const [portal, summary, navigation] = await Promise.all([
    portalOf(pluginId),
    api.api.v1.t[':tenant'].$get({ param: { tenant } }),
    api.api.v1.t[':tenant'].plugins.navigation.$get({ param: { tenant } }),
  ]);
  if (!portal || !summary.ok || !navigation.ok) error(404, 'not found');
  const plugin = (await navigation.json()).plugins.find((p) => p.id === pluginId);
  if (!plugin) error(404, 'not found');
  const match = pageFor(portal.pages, event.params.path);
  const neighbourhood = await summary.json();
  const context = portalContext(event, match, {
    client: pluginClientFor(event, tenant, pluginId),
    tenant: { slug: neighbourhood.tenant.slug, name: neighbourhood.tenant.name },
    actor: { roles: neighbourhood.myRoles, pluginRoles: plugin.myRoles },
  });
  return { plugin, match, context, neighbourhood };
}

export const load = (async (event) => {
  const { plugin, match, context, neighbourhood } = await resolve(event);
  return { neighbourhood, plugin, pattern: match.pattern, ...(await loadPage(event, match.page, context)) };
}) satisfies PageServerLoad;

export const actions = {
  /** Plugin forms name their action in a hidden `_action` field (or on the submit button). */
  default: async (event) => {
    const { match, context } = await resolve(event);
    return runPluginAction(event, match.page, context, (path) =>
      routes.pluginPage(event.params.tenant, event.params.pluginId, path),
    );
  },
} satisfies Actions;
