import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

const STATES = ['assigned', 'answered', 'closed'] as const;

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.organisations[':organisation'];
  const param = { organisation: event.params.organisation };
  const status = STATES.find((s) => s === event.url.searchParams.get('status'));
  const [organisation, reports] = await Promise.all([
    api.$get({ param }),
    api.feedback.$get({ param, query: status ? { status } : {} }),
  ]);
  if (!organisation.ok || !reports.ok) error(404, 'not found');
  return {
    organisation: await organisation.json(),
    reports: (await reports.json()).items,
    status: status ?? '',
    states: STATES,
  };
}) satisfies PageServerLoad;
