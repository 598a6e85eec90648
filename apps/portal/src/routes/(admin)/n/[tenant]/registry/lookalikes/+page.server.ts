import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [summary, groups] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    api.api.v1.t[':tenant'].registry.lookalikes.$get({ param }),
  ]);
  if (!summary.ok || !groups.ok) error(groups.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), groups: (await groups.json()).items };
}) satisfies PageServerLoad;

/** The group as the page showed it: its ids, comma-separated in a hidden field. */
const groupOf = (form: FormData) =>
  String(form.get('group') ?? '')
    .split(',')
    .filter(Boolean);

export const actions = {
  /** One person: the records ticked are merged into the one chosen to keep. */
  same: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['keep', 'group'] as const);
    const ownerIds = form.getAll('ownerIds').map(String);
    const res = await apiFor(event).api.v1.t[':tenant'].registry.lookalikes[':ownerId'].decision.$post({
      param: { tenant: event.params.tenant, ownerId: values.keep },
      json: { decision: 'same_person', ownerIds },
    });
    if (!res.ok) return failFrom(res, values);
    return { done: 'same' as const };
  },
  /** Different people: the whole group as shown, whatever was ticked. */
  different: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['keep', 'group'] as const);
    const ownerIds = groupOf(form);
    const res = await apiFor(event).api.v1.t[':tenant'].registry.lookalikes[':ownerId'].decision.$post({
      param: { tenant: event.params.tenant, ownerId: ownerIds[0] ?? '' },
      json: { decision: 'different_people', ownerIds },
    });
    if (!res.ok) return failFrom(res, values);
    return { done: 'different' as const };
  },
} satisfies Actions;
