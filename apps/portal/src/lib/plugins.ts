import type { OfferedPluginId } from '@city/api/plugins';
import type { PluginPortal } from '@city/plugin-sdk/portal';

/**
 * The portal side of the plugins the API offers: one lazy import each, so a plugin's pages are chunks of their own
 * and nothing loads for neighbourhoods that do not use it. Keyed by the API's list (apps/api/src/plugins.ts): a
 * plugin offered there without pages here, or the reverse, does not type-check.
 */
export const pluginPortals: Record<OfferedPluginId, () => Promise<{ default: PluginPortal<any> }>> = {
  contacts: () => import('@city/plugin-contacts/portal'),
  voting: () => import('@city/plugin-voting/portal'),
  services: () => import('@city/plugin-services/portal'),
};

export function portalOf(pluginId: string) {
  return Object.hasOwn(pluginPortals, pluginId)
    ? pluginPortals[pluginId as OfferedPluginId]().then((m) => m.default)
    : Promise.resolve(null);
}

/** The plugins with pages for organisations (businesses), with their links, in the list's order. */
export async function organisationPlugins() {
  const loaded = await Promise.all(Object.keys(pluginPortals).map(async (id) => ({ id, portal: await portalOf(id) })));
  return loaded.flatMap(({ id, portal }) =>
    portal?.organisationNavigation?.length ? [{ id, entries: [...portal.organisationNavigation] }] : [],
  );
}
