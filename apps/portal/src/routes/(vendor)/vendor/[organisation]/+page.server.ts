import { error } from '@sveltejs/kit';
import { organisationPlugins } from '#lib/plugins.ts';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

type Role = 'owner' | 'manager' | 'staff';
const ROLES: readonly string[] = ['owner', 'manager', 'staff'];
const roleOf = (value: string) => (ROLES.includes(value) ? (value as Role) : 'staff');

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.organisations[':organisation'];
  const param = { organisation: event.params.organisation };
  const [organisation, staff, plugins] = await Promise.all([
    api.$get({ param }),
    api.staff.$get({ param }),
    organisationPlugins(),
  ]);
  if (!organisation.ok || !staff.ok) error(404, 'not found');
  return { organisation: await organisation.json(), staff: (await staff.json()).items, plugins };
}) satisfies PageServerLoad;

const api = (event: Parameters<Actions[string]>[0]) => apiFor(event).api.v1.organisations[':organisation'];

export const actions = {
  profile: async (event) => {
    requireMe(event.locals, event.url);
    const values = fields(await event.request.formData(), ['name', 'contactName', 'contactPhone'] as const);
    const res = await api(event).$patch({ param: { organisation: event.params.organisation }, json: values });
    return res.ok ? { saved: true } : failFrom(res, values);
  },
  addStaff: async (event) => {
    requireMe(event.locals, event.url);
    const values = fields(await event.request.formData(), ['phone', 'role'] as const);
    const res = await api(event).staff.$post({
      param: { organisation: event.params.organisation },
      json: { phone: values.phone, role: roleOf(values.role) },
    });
    if (!res.ok) return failFrom(res, values);
    return { added: (await res.json()).displayName };
  },
  setRole: async (event) => {
    requireMe(event.locals, event.url);
    const values = fields(await event.request.formData(), ['userId', 'role'] as const);
    const res = await api(event).staff[':userId'].$put({
      param: { organisation: event.params.organisation, userId: values.userId },
      json: { role: roleOf(values.role) },
    });
    return res.ok ? { saved: true } : failFrom(res);
  },
  removeStaff: async (event) => {
    requireMe(event.locals, event.url);
    const { userId } = fields(await event.request.formData(), ['userId'] as const);
    const res = await api(event).staff[':userId'].$delete({
      param: { organisation: event.params.organisation, userId },
    });
    return res.ok ? { saved: true } : failFrom(res);
  },
} satisfies Actions;
