import { requireMe } from '#lib/server/guards.ts';
import { passPluginFile } from '#lib/server/plugin-pages.ts';
import type { RequestHandler } from './$types';

/** Files a plugin's member API answers (exports, printouts), for the signed-in member. */
export const GET: RequestHandler = async (event) => {
  requireMe(event.locals, event.url);
  return passPluginFile(event, 'member', event.params.tenant);
};
