import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [summary, buildings] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    api.api.v1.t[':tenant'].registry.buildings.$get({ param }),
  ]);
  if (!summary.ok || !buildings.ok) error(buildings.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), buildings: (await buildings.json()).items };
}) satisfies PageServerLoad;

export const actions = {
  building: async (event) => {
    const values = fields(await event.request.formData(), ['name'] as const);
    const res = await apiFor(event).api.v1.t[':tenant'].registry.buildings.$post({
      param: { tenant: event.params.tenant },
      json: values,
    });
    if (!res.ok) return failFrom(res, values);
    return { added: true };
  },
} satisfies Actions;
