import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { periodParam } from '#lib/ledger.ts';
import type { PageServerLoad } from './$types';

/** The journal, newest first, 50 a page (`before` the last number shown), optionally one month's. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const period = periodParam(event.url.searchParams.get('period'));
  const before = /^\d{1,9}$/.test(event.url.searchParams.get('before') ?? '')
    ? event.url.searchParams.get('before')!
    : undefined;
  const [summary, entries] = await Promise.all([
    api.$get({ param }),
    api.ledger.entries.$get({
      param,
      query: { limit: '50', ...(period ? { period } : {}), ...(before ? { before } : {}) },
    }),
  ]);
  if (!summary.ok || !entries.ok) error(404, 'not found');
  return { neighbourhood: await summary.json(), entries: await entries.json(), period: period ?? '', paged: !!before };
}) satisfies PageServerLoad;
