import { error } from '@sveltejs/kit';
import { regionPlugins } from '#lib/plugins.ts';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireMe(event.locals, event.url);
  const api = apiFor(event);
  const [neighbourhoods, pending, plugins] = await Promise.all([
    api.api.v1.supervision.neighbourhoods.$get(),
    api.api.v1.applications.$get({ query: { status: 'pending' } }),
    regionPlugins(),
  ]);
  if (!neighbourhoods.ok) error(neighbourhoods.status, 'forbidden');
  return {
    // Each region the person is on the staff of, with the pages plugins offer its staff.
    regions: plugins.length ? me.regions.map(({ id, name }) => ({ id, name, plugins })) : [],
    neighbourhoods: (await neighbourhoods.json()).items,
    pendingCount: pending.ok ? (await pending.json()).items.length : 0,
  };
}) satisfies PageServerLoad;
