import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const res = await api.api.v1.t[':tenant'].registry.imports[':importId'].$get({
    param: { tenant: event.params.tenant, importId: event.params.importId },
  });
  if (!res.ok) error(res.status === 403 ? 403 : 404, 'not found');
  return { report: await res.json() };
}) satisfies PageServerLoad;

export const actions = {
  apply: async (event) => {
    const res = await apiFor(event).api.v1.t[':tenant'].registry.imports[':importId'].apply.$post({
      param: { tenant: event.params.tenant, importId: event.params.importId },
    });
    if (!res.ok) return failFrom(res);
    return { started: true };
  },
} satisfies Actions;
