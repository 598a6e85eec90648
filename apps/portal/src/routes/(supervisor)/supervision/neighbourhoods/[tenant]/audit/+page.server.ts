import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { auditAsked, refusedFilters } from '#lib/server/audit.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

/**
 * A supervised neighbourhood's trail, read-only (404 outside the branch), narrowed by the filters in the address as
 * its admins narrow theirs.
 */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.supervision.neighbourhoods[':tenant'];
  const param = { tenant: event.params.tenant };
  const { asked, cursor, query } = auditAsked(event.url);
  const [about, answer, facets] = await Promise.all([
    api.plugins.$get({ param }),
    api.audit.$get({ param, query }),
    api.audit.facets.$get({ param }),
  ]);
  if (!about.ok) error(about.status === 403 ? 403 : 404, 'not found');
  const refused = await refusedFilters(answer);
  // A refused filter leaves no answer to read the chain's verdict from: the unfiltered trail's carries it.
  const view = await okBody(refused ? await api.audit.$get({ param, query: { limit: '1' } }) : answer);
  return {
    tenant: (await about.json()).tenant,
    trail: {
      page: refused ? { items: [], nextCursor: null } : view.page,
      verdict: view.verdict,
      refused,
      asked,
      cursor,
      facets: await okBody(facets),
    },
  };
}) satisfies PageServerLoad;
