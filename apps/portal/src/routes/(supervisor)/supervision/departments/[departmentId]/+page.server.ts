import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

const STATES = ['assigned', 'answered', 'closed'] as const;

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const status = STATES.find((s) => s === event.url.searchParams.get('status'));
  const res = await apiFor(event).api.v1.supervision.departments[':departmentId'].feedback.$get({
    param: { departmentId: event.params.departmentId },
    query: status ? { status } : {},
  });
  if (!res.ok) error(404, 'not found');
  const { department, items } = await res.json();
  return { department, reports: items, status: status ?? '', states: STATES };
}) satisfies PageServerLoad;
