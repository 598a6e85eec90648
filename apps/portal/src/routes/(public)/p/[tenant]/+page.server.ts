import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const res = await apiFor(event).api.v1.public.n[':tenant'].notices.$get({ param: event.params, query: {} });
  if (!res.ok) error(404, 'not found');
  event.setHeaders({ 'cache-control': 'public, max-age=60' });
  return { board: await res.json() };
}) satisfies PageServerLoad;
