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
  party: () => import('@city/plugin-party/portal'),
};

export function portalOf(pluginId: string) {
  return Object.hasOwn(pluginPortals, pluginId)
    ? pluginPortals[pluginId as OfferedPluginId]().then((m) => m.default)
    : Promise.resolve(null);
}

/** The plugins that link to their pages for an audience outside neighbourhoods, with the links, in the list's order. */
async function pluginsListed(navigation: 'organisationNavigation' | 'regionNavigation') {
  const loaded = await Promise.all(Object.keys(pluginPortals).map(async (id) => ({ id, portal: await portalOf(id) })));
  return loaded.flatMap(({ id, portal }) => {
    const entries = portal?.[navigation] ?? [];
    return entries.length ? [{ id, entries: [...entries] }] : [];
  });
}

/** The plugins with pages for organisations (businesses). */
export const organisationPlugins = () => pluginsListed('organisationNavigation');

/** The plugins with pages for the staff of a region (街道, 社区, 区). */
export const regionPlugins = () => pluginsListed('regionNavigation');
