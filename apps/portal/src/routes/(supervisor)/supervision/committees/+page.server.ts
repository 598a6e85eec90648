import { error } from '@sveltejs/kit';
import { bySupervisionUrgency } from '#lib/governance.ts';
import { beijingToday } from '#lib/ledger.ts';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/** 街道/社区: each neighbourhood's 筹备组 clock, 备案, term and vacancies, what is overdue first. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.supervision.committees.$get();
  if (!res.ok) error(res.status === 401 ? 401 : 403, 'forbidden');
  const today = beijingToday();
  return { rows: bySupervisionUrgency((await res.json()).items, today), today };
}) satisfies PageServerLoad;
