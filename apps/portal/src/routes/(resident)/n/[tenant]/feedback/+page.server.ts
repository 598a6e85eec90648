import { FEEDBACK_STATUSES } from '@city/contracts/values';
import { error, redirect } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { photosOf, uploadPhotos } from '#lib/server/feedback-photos.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';
import { assignableUnits } from '#lib/feedback.ts';

export const load = (async (event) => {
  // A building's QR code opens this page: someone not signed in may report with their number instead of an account.
  const byPhone = () =>
    redirect(303, routes.phoneFeedback(event.params.tenant, event.url.searchParams.get('building') ?? undefined));
  if (!event.locals.me) byPhone();
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const asked = event.url.searchParams;
  const status = FEEDBACK_STATUSES.find((s) => s === asked.get('status'));
  const overdue = asked.get('overdue') === 'true';
  const mine = asked.get('mine') === 'true';
  const query = {
    ...(status ? { status } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
    ...(mine ? { mine: 'true' as const } : {}),
    ...(asked.get('cursor') ? { cursor: asked.get('cursor')! } : {}),
  };
  const [summary, list, settings, places] = await Promise.all([
    api.$get({ param }),
    api.feedback.$get({ param, query }),
    api['feedback-settings'].$get({ param }),
    api['feedback-places'].$get({ param }),
  ]);
  // Signed in but not a member here (a visitor, a resident of another neighbourhood): the same form as without an
  // account (which is a 404 in turn where the neighbourhood does not exist).
  if (summary.status === 403 || summary.status === 404) byPhone();
  if (!summary.ok || !list.ok || !settings.ok || !places.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  const staff = neighbourhood.myRoles.some((r) => r === 'admin' || r === 'staff');
  // Staff assign several at once from the queue: the units to choose from.
  const units = staff ? await api['feedback-units'].$get({ param }) : null;
  return {
    units: units?.ok ? assignableUnits(await units.json()) : [],
    neighbourhood,
    reports: await list.json(),
    settings: await settings.json(),
    places: await places.json(),
    filter: { status: status ?? '', overdue, mine },
    building: asked.get('building') ?? '',
  };
}) satisfies PageServerLoad;

export const actions = {
  assign: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['unitId', 'note']);
    const reportIds = form.getAll('reportIds').map(String);
    const res = await apiFor(event).api.v1.t[':tenant'].feedback.assign.$post({
      param: { tenant: event.params.tenant },
      json: { reportIds, unitId: values.unitId, note: values.note },
    });
    if (!res.ok) return failFrom(res, values);
    return { assigned: (await res.json()).assigned };
  },
  report: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['category', 'body', 'place', 'note', 'channel', 'reporterName', 'reporterPhone']);
    // `place` is a building's id, or "public".
    const building = values.place && values.place !== 'public' ? values.place : null;
    const logged = values.channel === 'phone' || values.channel === 'in_person';
    const res = await apiFor(event).api.v1.t[':tenant'].feedback.$post({
      param: { tenant: event.params.tenant },
      json: {
        category: values.category,
        body: values.body,
        place: { kind: building ? 'building' : 'public', buildingId: building, unitId: null, note: values.note },
        namedOnBoard: form.get('namedOnBoard') === 'on',
        channel: logged ? (values.channel as 'phone' | 'in_person') : values.channel === 'qr' ? 'qr' : 'portal',
        ...(logged ? { reporter: { name: values.reporterName, phone: values.reporterPhone } } : {}),
      },
    });
    if (!res.ok) return failFrom(res, values);
    const report = await res.json();
    // The report is kept whatever becomes of its photos; its page says which did not go, and more can be added there.
    const refused = await uploadPhotos(event, report.id, photosOf(form));
    const query = refused.length ? `?${new URLSearchParams({ refused: refused.join('\n') })}` : '';
    redirect(303, `${routes.feedbackReport(event.params.tenant, report.id)}${query}`);
  },
} satisfies Actions;
