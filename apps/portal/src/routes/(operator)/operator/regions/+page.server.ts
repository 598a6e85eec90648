import { REGION_KINDS, type RegionKind } from '@city/contracts';
import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  const me = requireMe(event.locals, event.url);
  if (!me.user.isPlatformOperator) error(403, 'forbidden');
  const api = apiFor(event);
  const { items } = await okBody(await api.api.v1.regions.$get());
  const staffed = items.filter((r) => r.kind !== 'district');
  const staff = await Promise.all(
    staffed.map(async (region) => {
      const res = await api.api.v1.regions[':regionId'].staff.$get({ param: { regionId: region.id } });
      return { region, staff: res.ok ? (await res.json()).items : [] };
    }),
  );
  return { regions: items, staff: staff.filter((s) => s.staff.length) };
}) satisfies PageServerLoad;

export const actions = {
  create: async (event) => {
    const values = fields(await event.request.formData(), ['kind', 'parentId', 'name', 'code'] as const);
    const kind = (REGION_KINDS as readonly string[]).includes(values.kind) ? (values.kind as RegionKind) : 'community';
    const res = await apiFor(event).api.v1.regions.$post({
      json: { kind, parentId: values.parentId || null, name: values.name, code: values.code || null },
    });
    if (!res.ok) return failFrom(res, values);
    return { created: values.name };
  },
  staff: async (event) => {
    const values = fields(await event.request.formData(), ['regionId', 'phone'] as const);
    const res = await apiFor(event).api.v1.regions[':regionId'].staff.$post({
      param: { regionId: values.regionId },
      json: { phone: values.phone },
    });
    if (!res.ok) return failFrom(res, values);
    return { appointed: true };
  },
  dismiss: async (event) => {
    const values = fields(await event.request.formData(), ['regionId', 'userId'] as const);
    const res = await apiFor(event).api.v1.regions[':regionId'].staff[':userId'].$delete({ param: values });
    if (!res.ok) return failFrom(res, values);
    return { dismissed: true };
  },
} satisfies Actions;
