import { FEEDBACK_UNIT_KINDS } from '@city/contracts/values';
import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** A vendor unit is bound to a business (chosen from the businesses reports were about), not picked as a kind. */
const KINDS = FEEDBACK_UNIT_KINDS.filter((k) => k !== 'vendor');

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, settings, units, members, places, open311] = await Promise.all([
    api.$get({ param }),
    api['feedback-settings'].$get({ param }),
    api['feedback-units'].$get({ param }),
    api.members.$get({ param, query: { limit: '100' } }),
    api['feedback-places'].$get({ param }),
    api['open311-clients'].$get({ param }),
  ]);
  if (!summary.ok || !settings.ok || !units.ok || !members.ok || !places.ok)
    error(units.status === 403 ? 403 : 404, 'not found');
  const { items, businesses } = await units.json();
  return {
    neighbourhood: await summary.json(),
    // A bound street department is the street's to set up, not the neighbourhood's.
    units: items.filter((u) => !u.departmentId),
    // Businesses not bound yet.
    businesses: businesses.filter((b) => !items.some((u) => u.organisationId === b.organisationId)),
    settings: await settings.json(),
    members: (await members.json()).items,
    buildings: (await places.json()).buildings,
    kinds: KINDS,
    // Keys are the admins' to issue; staff set up units but see no keys.
    open311: open311.ok ? await open311.json() : null,
  };
}) satisfies PageServerLoad;

const number = (value: string) => (/^\d+$/.test(value) ? Number(value) : -1);

export const actions = {
  settings: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['categories', 'workingDays', 'remindBefore', 'ratingDays']);
    const res = await apiFor(event).api.v1.t[':tenant']['feedback-settings'].$put({
      param: { tenant: event.params.tenant },
      json: {
        categories: values.categories
          .split(/[\n,，、]+/)
          .map((c) => c.trim())
          .filter(Boolean),
        workingDays: number(values.workingDays),
        remindBefore: number(values.remindBefore),
        ratingDays: number(values.ratingDays),
        restartClockOnReassign: form.get('restartClockOnReassign') === 'on',
      },
    });
    return res.ok ? { saved: 'settings' } : failFrom(res, values);
  },
  unit: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['id', 'kind', 'name', 'organisationId']);
    const json = {
      kind: values.organisationId ? ('vendor' as const) : (KINDS.find((k) => k === values.kind) ?? 'other'),
      name: values.name,
      organisationId: values.organisationId || null,
      active: form.has('active') ? form.getAll('active').includes('on') : true,
      memberIds: form.getAll('memberIds').map(String),
    };
    const api = apiFor(event).api.v1.t[':tenant']['feedback-units'];
    const res = values.id
      ? await api[':handlingUnitId'].$put({ param: { tenant: event.params.tenant, handlingUnitId: values.id }, json })
      : await api.$post({ param: { tenant: event.params.tenant }, json });
    return res.ok ? { saved: 'unit' } : failFrom(res, values);
  },
  issueKey: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['name']);
    const res = await apiFor(event).api.v1.t[':tenant']['open311-clients'].$post({
      param: { tenant: event.params.tenant },
      json: { name: values.name },
    });
    // The key is shown this once, on the page the admin is looking at.
    return res.ok ? { saved: 'key', issued: await res.json() } : failFrom(res, values);
  },
  revokeKey: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['clientId']);
    const res = await apiFor(event).api.v1.t[':tenant']['open311-clients'][':clientId'].$delete({
      param: { tenant: event.params.tenant, clientId: values.clientId },
    });
    return res.ok ? { saved: 'revoked' } : failFrom(res, values);
  },
} satisfies Actions;
