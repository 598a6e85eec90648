import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { auditAsked, refusedFilters } from '#lib/server/audit.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/** The trail, newest first, narrowed by the filters in the address (so a filtered view can be shared and paged). */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const { asked, cursor, query } = auditAsked(event.url);
  const [summary, page, facets, verdict] = await Promise.all([
    api.$get({ param }),
    api.audit.$get({ param, query }),
    api.audit.facets.$get({ param }),
    api.audit.verify.$get({ param }),
  ]);
  if (!summary.ok || page.status === 403 || page.status === 404) error(page.status === 403 ? 403 : 404, 'not found');
  const refused = await refusedFilters(page);
  return {
    neighbourhood: await summary.json(),
    trail: {
      page: refused ? { items: [], nextCursor: null } : await okBody(page),
      refused,
      asked,
      cursor,
      facets: await okBody(facets),
      verdict: await okBody(verdict),
    },
  };
}) satisfies PageServerLoad;
