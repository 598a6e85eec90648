import { TENANT_ROLES, type TenantRole } from '@city/contracts';
import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

const isRole = (value: string): value is TenantRole => (TENANT_ROLES as readonly string[]).includes(value);

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const tenant = event.params.tenant;
  const search = event.url.searchParams;
  const q = search.get('q')?.trim() ?? '';
  const role = search.get('role') ?? '';
  const cursor = search.get('cursor') ?? '';
  const filter = { q, role: isRole(role) ? role : undefined };
  const [summary, list] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param: { tenant } }),
    api.api.v1.t[':tenant'].members.$get({
      param: { tenant },
      query: {
        limit: '50',
        ...(cursor ? { cursor } : {}),
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.role ? { role: filter.role } : {}),
      },
    }),
  ]);
  if (!summary.ok || !list.ok) error(list.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), members: await list.json(), filter, paged: Boolean(cursor) };
}) satisfies PageServerLoad;

export const actions = {
  roles: async (event) => {
    const form = await event.request.formData();
    const memberId = String(form.get('memberId') ?? '');
    const roles = form.getAll('roles').map(String).filter(isRole);
    const res = await apiFor(event).api.v1.t[':tenant'].members[':memberId'].$patch({
      param: { tenant: event.params.tenant, memberId },
      json: { roles },
    });
    if (!res.ok) return failFrom(res, { memberId });
    return { saved: memberId };
  },
  remove: async (event) => {
    const memberId = String((await event.request.formData()).get('memberId') ?? '');
    const res = await apiFor(event).api.v1.t[':tenant'].members[':memberId'].$delete({
      param: { tenant: event.params.tenant, memberId },
    });
    if (!res.ok) return failFrom(res, { memberId });
    return { removed: memberId };
  },
} satisfies Actions;
