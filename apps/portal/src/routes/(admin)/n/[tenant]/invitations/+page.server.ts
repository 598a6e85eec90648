import { TENANT_ROLES, type TenantRole } from '@city/contracts';
import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const tenant = event.params.tenant;
  const [summary, list] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param: { tenant } }),
    api.api.v1.t[':tenant'].invitations.$get({ param: { tenant } }),
  ]);
  if (!summary.ok || !list.ok) error(list.status === 403 ? 403 : 404, 'not found');
  return { neighbourhood: await summary.json(), invitations: (await list.json()).items };
}) satisfies PageServerLoad;

export const actions = {
  invite: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['phone', 'displayName'] as const);
    const roles = form
      .getAll('roles')
      .map(String)
      .filter((r): r is TenantRole => (TENANT_ROLES as readonly string[]).includes(r));
    const res = await apiFor(event).api.v1.t[':tenant'].invitations.$post({
      param: { tenant: event.params.tenant },
      json: { ...values, roles },
    });
    if (!res.ok) return failFrom(res, { ...values, roles: roles.join(',') });
    return { sent: values.phone };
  },
  revoke: async (event) => {
    const invitationId = String((await event.request.formData()).get('invitationId') ?? '');
    const res = await apiFor(event).api.v1.t[':tenant'].invitations[':invitationId'].$delete({
      param: { tenant: event.params.tenant, invitationId },
    });
    if (!res.ok) return failFrom(res);
    return { revoked: invitationId };
  },
} satisfies Actions;
