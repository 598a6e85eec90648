import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [summary, settings] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    api.api.v1.t[':tenant']['notification-settings'].$get({ param }),
  ]);
  if (!summary.ok || !settings.ok) error(settings.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), settings: await settings.json() };
}) satisfies PageServerLoad;

export const actions = {
  save: async (event) => {
    const form = await event.request.formData();
    const kinds = Object.fromEntries(form.getAll('kind').map((k) => [String(k), form.get(`on:${String(k)}`) === 'on']));
    const res = await apiFor(event).api.v1.t[':tenant']['notification-settings'].$put({
      param: { tenant: event.params.tenant },
      json: { kinds, retentionDays: Number(form.get('retentionDays')) },
    });
    if (!res.ok) return failFrom(res);
    return { saved: true };
  },
} satisfies Actions;
