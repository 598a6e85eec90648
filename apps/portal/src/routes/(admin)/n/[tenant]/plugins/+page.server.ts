import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [summary, market] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    api.api.v1.t[':tenant'].plugins.$get({ param }),
  ]);
  if (!summary.ok || !market.ok) error(market.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), plugins: (await market.json()).items };
}) satisfies PageServerLoad;
