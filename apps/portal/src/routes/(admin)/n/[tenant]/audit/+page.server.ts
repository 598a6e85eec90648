import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const tenant = event.params.tenant;
  const cursor = event.url.searchParams.get('cursor') ?? undefined;
  const [summary, page, verdict] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param: { tenant } }),
    api.api.v1.t[':tenant'].audit.$get({ param: { tenant }, query: { limit: '50', ...(cursor ? { cursor } : {}) } }),
    api.api.v1.t[':tenant'].audit.verify.$get({ param: { tenant } }),
  ]);
  if (!summary.ok || !page.ok || !verdict.ok) error(page.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), page: await page.json(), verdict: await verdict.json() };
}) satisfies PageServerLoad;
