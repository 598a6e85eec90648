import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { noticeFromForm } from '#lib/server/notice-form.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [summary, list, buildings] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    api.api.v1.t[':tenant'].notices.manage.$get({ param }),
    api.api.v1.t[':tenant'].registry.buildings.$get({ param }),
  ]);
  if (!summary.ok || !list.ok) error(list.status === 403 ? 403 : 404, 'not found');
  const items = (await list.json()).items;
  const correcting = items.find((n) => n.id === event.url.searchParams.get('correct')) ?? null;
  return {
    neighbourhood: await summary.json(),
    items,
    correcting,
    buildings: buildings.ok ? (await buildings.json()).items : [],
  };
}) satisfies PageServerLoad;

export const actions = {
  create: async (event) => {
    const { input, values } = noticeFromForm(await event.request.formData());
    const res = await apiFor(event).api.v1.t[':tenant'].notices.$post({
      param: { tenant: event.params.tenant },
      json: input,
    });
    if (!res.ok) return failFrom(res, values);
    return { saved: true };
  },
  correct: async (event) => {
    const form = await event.request.formData();
    const { input, values } = noticeFromForm(form);
    const noticeId = String(form.get('noticeId') ?? '');
    const res = await apiFor(event).api.v1.t[':tenant'].notices[':noticeId'].corrections.$post({
      param: { tenant: event.params.tenant, noticeId },
      json: input,
    });
    if (!res.ok) return failFrom(res, values);
    return { saved: true };
  },
  publish: async (event) => {
    const noticeId = String((await event.request.formData()).get('noticeId') ?? '');
    const res = await apiFor(event).api.v1.t[':tenant'].notices[':noticeId'].publish.$post({
      param: { tenant: event.params.tenant, noticeId },
    });
    if (!res.ok) return failFrom(res);
    return { published: true };
  },
  withdraw: async (event) => {
    const noticeId = String((await event.request.formData()).get('noticeId') ?? '');
    const res = await apiFor(event).api.v1.t[':tenant'].notices[':noticeId'].withdraw.$post({
      param: { tenant: event.params.tenant, noticeId },
    });
    if (!res.ok) return failFrom(res);
    return { withdrawn: true };
  },
} satisfies Actions;
