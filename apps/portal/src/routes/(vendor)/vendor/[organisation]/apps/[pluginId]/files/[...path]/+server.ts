import { requireMe } from '#lib/server/guards.ts';
import { passPluginFile } from '#lib/server/plugin-pages.ts';
import type { RequestHandler } from './$types';

/** Files a plugin's organisation API answers (a vendor's photos), for the organisation's signed-in staff. */
export const GET: RequestHandler = async (event) => {
  requireMe(event.locals, event.url);
  return passPluginFile(event, 'organisation', event.params.organisation);
};
