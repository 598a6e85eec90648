import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** The 码上提 posters' PDF (all buildings, or the one chosen), opened in the tab for printing. */
export const GET: RequestHandler = async (event) => {
  const building = event.url.searchParams.get('building');
  const res = await apiFor(event).api.v1.t[':tenant']['feedback-posters.pdf'].$get({
    param: { tenant: event.params.tenant },
    query: building ? { building } : {},
  });
  return passFile(res);
};
