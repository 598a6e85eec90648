import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { unitFromForm } from '#lib/server/unit-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const [summary, res] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param: { tenant: event.params.tenant } }),
    api.api.v1.t[':tenant'].registry.buildings[':buildingId'].units.$get({ param: event.params }),
  ]);
  if (!summary.ok || !res.ok) error(res.status === 403 ? 403 : 404, 'not found');
  return { myRoles: (await summary.json()).myRoles, units: (await res.json()).items };
}) satisfies PageServerLoad;

export const actions = {
  unit: async (event) => {
    const { input, values } = unitFromForm(await event.request.formData());
    const res = await apiFor(event).api.v1.t[':tenant'].registry.units.$post({
      param: { tenant: event.params.tenant },
      json: { ...input, buildingId: event.params.buildingId },
    });
    if (!res.ok) return failFrom(res, values);
    return { added: true };
  },
} satisfies Actions;
