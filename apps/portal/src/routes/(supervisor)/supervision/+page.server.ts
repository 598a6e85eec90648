import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const [neighbourhoods, pending] = await Promise.all([
    api.api.v1.supervision.neighbourhoods.$get(),
    api.api.v1.applications.$get({ query: { status: 'pending' } }),
  ]);
  if (!neighbourhoods.ok) error(neighbourhoods.status, 'forbidden');
  return {
    neighbourhoods: (await neighbourhoods.json()).items,
    pendingCount: pending.ok ? (await pending.json()).items.length : 0,
  };
}) satisfies PageServerLoad;
