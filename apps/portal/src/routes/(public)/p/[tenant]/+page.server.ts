import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const api = apiFor(event).api.v1.public.n[':tenant'];
  const [res, feedback] = await Promise.all([
    api.notices.$get({ param: event.params, query: {} }),
    api.feedback.$get({ param: event.params, query: { limit: '20' } }),
  ]);
  if (!res.ok || !feedback.ok) error(404, 'not found');
  event.setHeaders({ 'cache-control': 'public, max-age=60' });
  return { board: await res.json(), feedback: (await feedback.json()).items };
}) satisfies PageServerLoad;
