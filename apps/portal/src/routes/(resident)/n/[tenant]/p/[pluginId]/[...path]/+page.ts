import { error } from '@sveltejs/kit';
import { portalOf } from '#lib/plugins.ts';
import type { PageLoad } from './$types';

/** Adds the plugin page's component (not serialisable, so it cannot come from the server load) and its words. */
export const load = (async ({ data }) => {
  const portal = await portalOf(data.plugin.id);
  const page = portal?.pages[data.pattern];
  if (!portal || !page) error(404, 'not found');
  return { ...data, component: (await page.component()).default, messages: portal.messages };
}) satisfies PageLoad;
