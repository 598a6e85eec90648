import { error, type RequestEvent } from '@sveltejs/kit';
import { portalOf } from '#lib/plugins.ts';
import { routes } from '#lib/routes.ts';
import { apiFor, pluginClientFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { loadPage, pageFor, portalContext, runPluginAction } from '#lib/server/plugin-pages.ts';
import type { Actions, PageServerLoad } from './$types';

type Event = RequestEvent<{ organisation: string; pluginId: string; path: string }>;

/** A plugin's page for an organisation's staff: a session, the caller on its staff (404 otherwise), a matching page. */
async function resolve(event: Event) {
  requireMe(event.locals, event.url);
  const { organisation: organisationId, pluginId } = event.params;
  const [portal, found] = await Promise.all([
    portalOf(pluginId),
    apiFor(event).api.v1.organisations[':organisation'].$get({ param: { organisation: organisationId } }),
  ]);
  if (!portal?.organisationPages || !found.ok) error(404, 'not found');
  const { id, name, role } = await found.json();
  const organisation = { id, name, role };
  const match = pageFor(portal.organisationPages, event.params.path);
  const context = portalContext(event, match, {
    client: pluginClientFor(event, id, pluginId, 'organisation'),
    tenant: { slug: id, name },
    organisation,
    actor: { roles: [role], pluginRoles: [] },
  });
  return { organisation, match, context, entries: [...(portal.organisationNavigation ?? [])] };
}

export const load = (async (event) => {
  const { organisation, match, context, entries } = await resolve(event);
  return {
    organisation,
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
      routes.organisationPluginPage(event.params.organisation, event.params.pluginId, path),
    );
  },
} satisfies Actions;
