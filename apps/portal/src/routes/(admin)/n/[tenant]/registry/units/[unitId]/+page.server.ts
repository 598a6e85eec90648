import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { unitFromForm } from '#lib/server/unit-form.ts';
import type { Actions, PageServerLoad } from './$types';

const OWNER_ROWS = 3;

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const [summary, unit] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param: { tenant: event.params.tenant } }),
    api.api.v1.t[':tenant'].registry.units[':unitId'].$get({ param: event.params }),
  ]);
  if (!summary.ok || !unit.ok) error(unit.status === 403 ? 403 : 404, 'not found');
  return { myRoles: (await summary.json()).myRoles, unit: await unit.json(), ownerRows: OWNER_ROWS };
}) satisfies PageServerLoad;

export const actions = {
  /** Up to three owner rows without JavaScript; empty rows are skipped, the voter is chosen by a radio button. */
  owners: async (event) => {
    const form = await event.request.formData();
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const voter = text('voter');
    const owners = Array.from({ length: OWNER_ROWS }, (_, i) => i)
      .filter((i) => text(`name${i}`))
      .map((i) => ({
        name: text(`name${i}`),
        phone: text(`phone${i}`) || null,
        idNumber: text(`idNumber${i}`) || null,
        designatedVoter: voter === String(i),
      }));
    const res = await apiFor(event).api.v1.t[':tenant'].registry.units[':unitId'].owners.$put({
      param: event.params,
      json: { owners, reason: text('reason') },
    });
    if (!res.ok) return failFrom(res, { reason: text('reason') });
    return { ownersChanged: true };
  },
  unit: async (event) => {
    const { input, values } = unitFromForm(await event.request.formData());
    const res = await apiFor(event).api.v1.t[':tenant'].registry.units[':unitId'].$patch({
      param: event.params,
      json: input,
    });
    if (!res.ok) return failFrom(res, values);
    return { unitSaved: true };
  },
  reveal: async (event) => {
    const ownerId = String((await event.request.formData()).get('ownerId') ?? '');
    const res = await apiFor(event).api.v1.t[':tenant'].registry.owners[':ownerId'].contact.$get({
      param: { tenant: event.params.tenant, ownerId },
    });
    if (!res.ok) return failFrom(res);
    return { revealed: await res.json() };
  },
} satisfies Actions;
