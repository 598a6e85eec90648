import { error, type RequestEvent } from '@sveltejs/kit';
import { portalOf } from '#lib/plugins.ts';
import { apiFor, pluginClientFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { loadPage, pageFor, portalContext } from '#lib/server/plugin-pages.ts';
import type { PageServerLoad } from './$types';

type Event = RequestEvent<{ tenant: string; pluginId: string; path: string }>;

/** A plugin's read-only page for 街道/社区 staff: a session, the neighbourhood in their branch, the plugin in use there. */
async function resolve(event: Event) {
  requireMe(event.locals, event.url);
  const { tenant, pluginId } = event.params;
  const [portal, offered] = await Promise.all([
    portalOf(pluginId),
    apiFor(event).api.v1.supervision.neighbourhoods[':tenant'].plugins.$get({ param: { tenant } }),
  ]);
  if (!portal || !offered.ok) error(offered.status === 403 ? 403 : 404, 'not found');
  const { tenant: neighbourhood, plugins } = await offered.json();
  const plugin = plugins.find((p) => p.id === pluginId);
  if (!plugin) error(404, 'not found');
  const match = pageFor(portal.supervisionPages, event.params.path);
  const context = portalContext(event, match, {
    client: pluginClientFor(event, tenant, pluginId, 'supervision'),
    tenant: neighbourhood,
    actor: { roles: [], pluginRoles: [] },
  });
  return { neighbourhood, plugin, match, context };
}

export const load = (async (event) => {
  const { neighbourhood, plugin, match, context } = await resolve(event);
  return { neighbourhood, plugin, pattern: match.pattern, ...(await loadPage(event, match.page, context)) };
}) satisfies PageServerLoad;
