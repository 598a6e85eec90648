import { redirect } from '@sveltejs/kit';
import { routes } from '#lib/routes.ts';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.organisations.$get();
  return { organisations: res.ok ? (await res.json()).items : [] };
}) satisfies PageServerLoad;

export const actions = {
  register: async (event) => {
    requireMe(event.locals, event.url);
    const values = fields(await event.request.formData(), ['name', 'uscc', 'contactName', 'contactPhone'] as const);
    const res = await apiFor(event).api.v1.organisations.$post({ json: values });
    if (!res.ok) return failFrom(res, values);
    redirect(303, routes.organisation((await res.json()).id));
  },
} satisfies Actions;
