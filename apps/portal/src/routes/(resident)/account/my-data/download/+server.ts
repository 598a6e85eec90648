import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { RequestHandler } from './$types';

/** The signed-in person's data as the API exports it (PIPL art. 45): one JSON file, never cached. */
export const GET: RequestHandler = async (event) => {
  requireMe(event.locals, event.url);
  return passFile(await apiFor(event).api.v1.me['personal-data'].$get());
};
