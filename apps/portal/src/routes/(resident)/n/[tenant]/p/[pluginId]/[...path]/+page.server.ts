import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { matchPage, PortalError, type PortalContext } from '@city/plugin-sdk/portal';
import { translate } from '#lib/i18n/index.ts';
import { portalOf } from '#lib/plugins.ts';
import { routes } from '#lib/routes.ts';
import { apiFor, pluginClientFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
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
  const match = matchPage(portal.pages, `/${event.params.path}`);
  if (!plugin || !match) error(404, 'not found');
  const neighbourhood = await summary.json();
  const context: PortalContext<any> = {
    client: pluginClientFor(event, tenant, pluginId),
    tenant: { slug: neighbourhood.tenant.slug, name: neighbourhood.tenant.name },
    actor: { roles: neighbourhood.myRoles, pluginRoles: plugin.myRoles },
    locale: event.locals.locale,
    params: match.params,
    url: event.url,
    async ok(response) {
      if (!response.ok) throw new PortalError(response.status);
      return response.json();
    },
  };
  return { plugin, match, context, neighbourhood };
}

/** A plugin's PortalError becomes the portal's error page with the same status. */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof PortalError) error(thrown.status === 403 ? 403 : 404, 'not found');
    throw thrown;
  }
}

export const load = (async (event) => {
  const { plugin, match, context, neighbourhood } = await resolve(event);
  const pageData = await guarded(async () => (match.page.load ? await match.page.load(context) : {}));
  return { neighbourhood, plugin, pattern: match.pattern, pageData };
}) satisfies PageServerLoad;

export const actions = {
  /** Plugin forms name their action in a hidden `_action` field (or on the submit button). */
  default: async (event) => {
    const { match, context } = await resolve(event);
    const form = await event.request.formData();
    const action = match.page.actions?.[String(form.get('_action') ?? '')];
    if (!action) return fail(400, { message: translate(event.locals.locale, 'form.submitError'), fieldErrors: {}, values: {} });
    const result = await guarded(() => action({ ...context, form }));
    if ('failed' in result && result.failed instanceof Response) return failFrom(result.failed, result.values as Record<string, string> | undefined);
    if ('redirect' in result && typeof result.redirect === 'string') redirect(303, routes.pluginPage(event.params.tenant, event.params.pluginId, result.redirect));
    return result;
  },
} satisfies Actions;
