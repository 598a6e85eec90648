import { requireMe } from '#lib/server/guards.ts';
import { passPluginFile } from '#lib/server/plugin-pages.ts';
import type { RequestHandler } from './$types';

/** Files a plugin's region API answers (an export, a printout), for the region's signed-in staff. */
export const GET: RequestHandler = async (event) => {
  requireMe(event.locals, event.url);
  return passPluginFile(event, 'region', event.params.region);
};
