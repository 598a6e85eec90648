import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/** The periods an operator picks from; anything else falls back to a week. */
const PERIODS = ['1', '7', '30'] as const;

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const asked = event.url.searchParams.get('days');
  const days = PERIODS.find((p) => p === asked) ?? '7';
  const res = await apiFor(event).api.v1['notification-failures'].$get({ query: { days } });
  if (!res.ok) error(res.status === 403 ? 403 : 404, 'not found');
  return { failures: await res.json(), days, periods: PERIODS };
}) satisfies PageServerLoad;
