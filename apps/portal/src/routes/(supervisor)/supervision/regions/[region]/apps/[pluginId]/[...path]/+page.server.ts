import { error, type RequestEvent } from '@sveltejs/kit';
import { portalOf } from '#lib/plugins.ts';
import { routes } from '#lib/routes.ts';
import { apiFor, pluginClientFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { loadPage, pageFor, portalContext, runPluginAction } from '#lib/server/plugin-pages.ts';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ region: string; pluginId: string; path: string }>;

/**
 * A plugin's page for a region's staff: a session, the caller on the staff of the region or of one above it (404
 * otherwise, as the API answers), a matching page.
 */
async function resolve(event: Event) {
  requireMe(event.locals, event.url);
  const { region: regionId, pluginId } = event.params;
  const [portal, found] = await Promise.all([
    portalOf(pluginId),
    apiFor(event).api.v1.supervision.regions[':region'].$get({ param: { region: regionId } }),
  ]);
  if (!portal?.regionPages || !found.ok) error(404, 'not found');
  const { id, name, kind } = await found.json();
  const region = { id, name, kind };
  const match = pageFor(portal.regionPages, event.params.path);
  const context = portalContext(event, match, {
    client: pluginClientFor(event, id, pluginId, 'region'),
    tenant: { slug: id, name },
    actor: { roles: [], pluginRoles: [] },
  });
  return { region, match, context, entries: [...(portal.regionNavigation ?? [])] };
}

export const load = (async (event) => {
  const { region, match, context, entries } = await resolve(event);
  return {
    region,
    pluginId: event.params.pluginId,
    entries,
    pattern: match.pattern,
    ...(await loadPage(event, match.page, context)),
  };
}) satisfies PageServerLoad;

export const actions = {
  default: async (event) => {
    const { match, context } = await resolve(event);
    return runPluginAction(event, match.page, context, (path) =>
      routes.regionPluginPage(event.params.region, event.params.pluginId, path),
    );
  },
} satisfies Actions;
