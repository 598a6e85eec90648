import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.plugins.$get();
  if (!res.ok) error(res.status === 403 ? 403 : 404, 'not found');
  return { catalogue: (await res.json()).items };
}) satisfies PageServerLoad;

export const actions = {
  status: async (event) => {
    const form = fields(await event.request.formData(), ['pluginId', 'version', 'status', 'reason']);
    const status = form.status === 'withdrawn' ? 'withdrawn' : 'available';
    const res = await apiFor(event).api.v1.plugins[':pluginId'].versions[':version'].$put({
      param: { pluginId: form.pluginId, version: form.version },
      json: { status, ...(form.reason ? { reason: form.reason } : {}) },
    });
    return res.ok ? { saved: `${form.pluginId}@${form.version}` } : failFrom(res, form);
  },
} satisfies Actions;
