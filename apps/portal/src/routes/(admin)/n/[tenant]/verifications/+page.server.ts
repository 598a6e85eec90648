import type { Relation } from '@city/contracts';
import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const q = event.url.searchParams.get('q')?.trim() ?? '';
  const cursor = event.url.searchParams.get('cursor') ?? '';
  const [summary, pending, verified, buildings] = await Promise.all([
    api.api.v1.t[':tenant'].$get({ param }),
    // The queue is worked oldest first, a screenful at a time; the rest follow as these are decided.
    api.api.v1.t[':tenant'].verifications.$get({ param, query: { status: 'pending', limit: '20' } }),
    api.api.v1.t[':tenant'].verifications.$get({
      param,
      query: { status: 'verified', limit: '50', ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) },
    }),
    api.api.v1.t[':tenant'].registry.buildings.$get({ param }),
  ]);
  if (!summary.ok || !pending.ok || !verified.ok || !buildings.ok)
    error(pending.status === 403 ? 403 : 404, 'not found');
  const queue = await pending.json();
  // The admin picks which registered owner a person is, so each pending request comes with its unit's owners.
  const owners = await Promise.all(
    queue.items.map(async (v) => {
      const unit = await api.api.v1.t[':tenant'].registry.units[':unitId'].$get({
        param: { ...param, unitId: v.unitId },
      });
      return unit.ok
        ? (await unit.json()).owners.map((o) => ({
            value: o.ownerId,
            label: `${o.name}${o.phone ? ` · ${o.phone}` : ''}`,
          }))
        : [];
    }),
  );
  return {
    neighbourhood: await summary.json(),
    pending: queue.items.map((v, i) => ({ ...v, owners: owners[i]! })),
    moreWaiting: queue.nextCursor !== null,
    verified: await verified.json(),
    filter: { q },
    paged: Boolean(cursor),
    buildings: (await buildings.json()).items,
  };
}) satisfies PageServerLoad;

const decide = (action: 'approve' | 'reject' | 'revoke') =>
  (async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['id', 'relation', 'ownerId', 'reason'] as const);
    const param = { tenant: event.params.tenant, verificationId: values.id };
    const api = apiFor(event).api.v1.t[':tenant'].verifications[':verificationId'];
    const relation = values.ownerId ? 'owner' : (values.relation as Relation);
    const res =
      action === 'approve'
        ? await api.approve.$post({ param, json: { relation, ownerId: values.ownerId || null, reason: values.reason } })
        : await api[action].$post({ param, json: { reason: values.reason } });
    if (!res.ok) return failFrom(res, values);
    return { done: action };
  }) satisfies Actions[string];

export const actions = {
  approve: decide('approve'),
  reject: decide('reject'),
  revoke: decide('revoke'),
} satisfies Actions;
