import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { actionOf, ACTION_FIELDS } from '#lib/server/feedback-actions.ts';
import { photosAnswer, photosOf, sendPhotos } from '#lib/server/feedback-photos.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

const params = (p: { departmentId: string; tenant: string; reportId: string }) => ({
  departmentId: p.departmentId,
  tenant: p.tenant,
  reportId: p.reportId,
});

const reportApi = (event: Parameters<typeof apiFor>[0]) =>
  apiFor(event).api.v1.supervision.departments[':departmentId'].feedback[':tenant'][':reportId'];

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const res = await reportApi(event).$get({ param: params(event.params) });
  if (!res.ok) error(404, 'not found');
  return { report: await res.json(), departmentId: event.params.departmentId };
}) satisfies PageServerLoad;

export const actions = {
  photos: async (event) => {
    const refused = await sendPhotos(photosOf(await event.request.formData()), (options) =>
      reportApi(event).photos.$post({ param: params(event.params) }, options),
    );
    return photosAnswer(event, refused);
  },
  act: async (event) => {
    const values = fields(await event.request.formData(), ACTION_FIELDS);
    const res = await reportApi(event).actions.$post({ param: params(event.params), json: actionOf(values) });
    if (!res.ok) return failFrom(res, values);
    return { done: values.action };
  },
} satisfies Actions;
