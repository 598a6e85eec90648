import { error, redirect } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { photosOf, uploadTrackedPhotos } from '#lib/server/feedback-photos.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const res = await apiFor(event).api.v1.public.n[':tenant'].feedback.form.$get({ param: event.params });
  if (!res.ok) error(404, 'not found');
  return { form: await res.json(), building: event.url.searchParams.get('building') ?? '' };
}) satisfies PageServerLoad;

export const actions = {
  /** Step 1: a code to the reporter's number. */
  code: async (event) => {
    const values = fields(await event.request.formData(), ['phone'] as const);
    const res = await apiFor(event).api.v1.public.n[':tenant'].feedback.codes.$post({
      param: { tenant: event.params.tenant },
      json: { phone: values.phone },
    });
    if (!res.ok) return failFrom(res, values);
    return { codeSent: (await res.json()).resendAfterSeconds, values };
  },
  /** Step 2: the report with the code; then its tracking page, which is the link to keep. */
  report: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['phone', 'code', 'category', 'body', 'place', 'note', 'channel']);
    // `place` is a building's id, or "public".
    const building = values.place && values.place !== 'public' ? values.place : null;
    const res = await apiFor(event).api.v1.public.n[':tenant'].feedback.reports.$post({
      param: { tenant: event.params.tenant },
      json: {
        phone: values.phone,
        code: values.code,
        category: values.category,
        body: values.body,
        place: { kind: building ? 'building' : 'public', buildingId: building, note: values.note },
        channel: values.channel === 'qr' ? 'qr' : 'portal',
      },
    });
    if (!res.ok) return failFrom(res, { ...values, code: '', step: 'report' });
    const { token } = await res.json();
    const refused = await uploadTrackedPhotos(event, token, photosOf(form));
    const query = new URLSearchParams({ new: '1', ...(refused.length ? { refused: refused.join('\n') } : {}) });
    redirect(303, `${routes.feedbackTrack(event.params.tenant, token)}?${query}`);
  },
} satisfies Actions;
