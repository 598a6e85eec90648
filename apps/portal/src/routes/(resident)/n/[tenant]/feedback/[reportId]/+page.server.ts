import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { actionOf, ACTION_FIELDS } from '#lib/server/feedback-actions.ts';
import { photosAnswer, photosOf, uploadPhotos } from '#lib/server/feedback-photos.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';
import { assignableUnits } from '#lib/feedback.ts';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [res, summary, settings] = await Promise.all([
    api.feedback[':reportId'].$get({ param: { ...param, reportId: event.params.reportId } }),
    api.$get({ param }),
    api['feedback-settings'].$get({ param }),
  ]);
  if (!res.ok || !summary.ok || !settings.ok) error(404, 'not found');
  const report = await res.json();
  const triage = report.actions.includes('assign') || report.actions.includes('merge');
  // Staff choose a unit to assign to, and the open reports a duplicate may be merged into.
  const [units, open] = triage
    ? await Promise.all([
        api['feedback-units'].$get({ param }),
        api.feedback.$get({ param, query: { status: 'received' } }),
      ])
    : [null, null];
  return {
    report,
    neighbourhood: await summary.json(),
    categories: (await settings.json()).categories,
    units: units?.ok ? assignableUnits(await units.json()) : [],
    mergeable: open?.ok ? (await open.json()).items.filter((r) => r.id !== report.id) : [],
    // Photos the API refused when the report was made (their names and why).
    refused: (event.url.searchParams.get('refused') ?? '').split('\n').filter(Boolean).slice(0, 6),
  };
}) satisfies PageServerLoad;

export const actions = {
  photos: async (event) => {
    const refused = await uploadPhotos(event, event.params.reportId, photosOf(await event.request.formData()));
    return photosAnswer(event, refused);
  },
  act: async (event) => {
    const values = fields(await event.request.formData(), ACTION_FIELDS);
    const res = await apiFor(event).api.v1.t[':tenant'].feedback[':reportId'].actions.$post({
      param: { tenant: event.params.tenant, reportId: event.params.reportId },
      json: actionOf(values),
    });
    if (!res.ok) return failFrom(res, values);
    return { done: values.action };
  },
} satisfies Actions;
