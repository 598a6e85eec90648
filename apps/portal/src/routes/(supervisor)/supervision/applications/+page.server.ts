import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await apiFor(event).api.v1.applications.$get({ query: {} });
  if (!res.ok) error(res.status, 'forbidden');
  const items = (await res.json()).items;
  return {
    pending: items.filter((a) => a.status === 'pending'),
    decided: items.filter((a) => a.status !== 'pending').slice(0, 20),
  };
}) satisfies PageServerLoad;

export const actions = {
  // The list shows numbers masked; each full number is one recorded read, which the applicant sees in their data.
  reveal: async (event) => {
    const applicationId = String((await event.request.formData()).get('applicationId') ?? '');
    const res = await apiFor(event).api.v1.applications[':applicationId'].contact.$get({ param: { applicationId } });
    if (!res.ok) return failFrom(res);
    return { revealed: { applicationId, phone: (await res.json()).phone } };
  },
  approve: async (event) => {
    const values = fields(await event.request.formData(), ['applicationId', 'slug'] as const);
    const res = await apiFor(event).api.v1.applications[':applicationId'].approve.$post({
      param: { applicationId: values.applicationId },
      json: values.slug ? { slug: values.slug } : {},
    });
    if (!res.ok) return failFrom(res, values);
    return { approved: (await res.json()).name };
  },
  reject: async (event) => {
    const values = fields(await event.request.formData(), ['applicationId', 'reason'] as const);
    const res = await apiFor(event).api.v1.applications[':applicationId'].reject.$post({
      param: { applicationId: values.applicationId },
      json: { reason: values.reason },
    });
    if (!res.ok) return failFrom(res, values);
    return { rejected: values.applicationId };
  },
} satisfies Actions;
