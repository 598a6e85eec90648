import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.supervision.regions[':regionId']['feedback-departments'].$get({
    param: { regionId: event.params.regionId },
  });
  if (!res.ok) error(404, 'not found');
  return await res.json();
}) satisfies PageServerLoad;

/** One form adds a department (no id) or changes one: its name, whether it takes reports, who acts for it. */
export const actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const id = String(form.get('id') ?? '');
    const json = {
      name: String(form.get('name') ?? ''),
      active: form.get('active') === 'on',
      memberIds: form.getAll('memberIds').map(String),
    };
    const api = apiFor(event).api.v1.supervision.regions[':regionId']['feedback-departments'];
    const regionId = event.params.regionId;
    const res = id
      ? await api[':departmentId'].$put({ param: { regionId, departmentId: id }, json })
      : await api.$post({ param: { regionId }, json });
    if (!res.ok) return failFrom(res, { id, name: json.name });
    return { saved: json.name };
  },
} satisfies Actions;
