import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { beijingToday } from '#lib/ledger.ts';
import type { PageServerLoad } from './$types';

/** 业主委员会 for every member: the 筹备组 and its clock, the term and its 备案, the seats, the evaluations. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, governance, seats, evaluations] = await Promise.all([
    api.$get({ param }),
    api.governance.$get({ param }),
    api['committee-members'].$get({ param }),
    api.governance.evaluations.$get({ param }),
  ]);
  if (!summary.ok) error(404, 'not found');
  return {
    neighbourhood: await summary.json(),
    governance: await okBody(governance),
    seats: (await okBody(seats)).items,
    evaluations: (await okBody(evaluations)).items,
    today: beijingToday(),
  };
}) satisfies PageServerLoad;
