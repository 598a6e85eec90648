import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/** One supervised neighbourhood: the apps it uses that offer read-only views (404 outside the branch). */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.supervision.neighbourhoods[':tenant'].plugins.$get({
    param: { tenant: event.params.tenant },
  });
  if (!res.ok) error(res.status === 403 ? 403 : 404, 'not found');
  return await res.json();
}) satisfies PageServerLoad;
