import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.supervision.departments.$get();
  if (!res.ok) error(404, 'not found');
  return await res.json();
}) satisfies PageServerLoad;
