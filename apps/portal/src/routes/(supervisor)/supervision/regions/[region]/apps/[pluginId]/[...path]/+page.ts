import { error } from '@sveltejs/kit';
import { portalOf } from '#lib/plugins.ts';
import type { PageLoad } from './$types';

/** Adds the region page's component (not serialisable, so not from the server load) and the plugin's words. */
export const load = (async ({ data }) => {
  const portal = await portalOf(data.pluginId);
  const page = portal?.regionPages?.[data.pattern];
  if (!portal || !page) error(404, 'not found');
  return { ...data, component: (await page.component()).default, messages: portal.messages };
}) satisfies PageLoad;
