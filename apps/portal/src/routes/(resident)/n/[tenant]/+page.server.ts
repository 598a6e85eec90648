import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.t[':tenant'].$get({ param: { tenant: event.params.tenant } });
  if (!res.ok) error(res.status === 404 ? 404 : res.status, 'not found');
  return { neighbourhood: await res.json() };
}) satisfies PageServerLoad;
