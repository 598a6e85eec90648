import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [summary, notices, navigation] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    api.api.v1.t[':tenant'].notices.$get({ param, query: {} }),
    api.api.v1.t[':tenant'].plugins.navigation.$get({ param }),
  ]);
  if (!summary.ok) error(404, 'not found');
  return {
    neighbourhood: await summary.json(),
    notices: notices.ok ? (await notices.json()).items : [],
    plugins: navigation.ok ? (await navigation.json()).plugins : [],
  };
}) satisfies PageServerLoad;
