import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.supervision.neighbourhoods[':tenant'].feedback[':reportId'].$get({
    param: { tenant: event.params.tenant, reportId: event.params.reportId },
  });
  if (!res.ok) error(404, 'not found');
  return { report: await res.json() };
}) satisfies PageServerLoad;
