import type { Problem } from '@city/contracts';
import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

const FILTERS = ['actor', 'action', 'from', 'to'] as const;

/** The trail, newest first, narrowed by the filters in the address (so a filtered view can be shared and paged). */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const asked = Object.fromEntries(
    FILTERS.map((name) => [name, event.url.searchParams.get(name)?.trim() ?? '']),
  ) as Record<(typeof FILTERS)[number], string>;
  const cursor = event.url.searchParams.get('cursor') ?? '';
  const query = Object.fromEntries(Object.entries({ ...asked, cursor }).filter(([, value]) => value));
  const [summary, page, facets, verdict] = await Promise.all([
    api.$get({ param }),
    api.audit.$get({ param, query: { limit: '30', ...query } }),
    api.audit.facets.$get({ param }),
    api.audit.verify.$get({ param }),
  ]);
  if (!summary.ok || page.status === 403 || page.status === 404) error(page.status === 403 ? 403 : 404, 'not found');
  // A filter the API refuses (a malformed date, an end before the start) is shown beside its field, in its words.
  const refused = page.status === 400 ? ((await page.json()) as unknown as Problem) : null;
  return {
    neighbourhood: await summary.json(),
    page: refused ? { items: [], nextCursor: null } : await okBody(page),
    refused: refused
      ? Object.fromEntries((refused.errors ?? []).map((e) => [e.path.replace(/^query\./, ''), e.message]))
      : null,
    asked,
    cursor,
    facets: await okBody(facets),
    verdict: await okBody(verdict),
  };
}) satisfies PageServerLoad;
