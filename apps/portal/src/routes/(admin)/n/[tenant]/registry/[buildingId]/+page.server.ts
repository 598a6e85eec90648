import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.t[':tenant'].registry.buildings[':buildingId'].units.$get({ param: event.params });
  if (!res.ok) error(res.status === 403 ? 403 : 404, 'not found');
  return { units: (await res.json()).items };
}) satisfies PageServerLoad;
