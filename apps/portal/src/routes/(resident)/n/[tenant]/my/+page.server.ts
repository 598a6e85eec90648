import type { Relation } from '@city/contracts';
import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { failFrom, fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

/** Open to anyone signed in: claiming a unit is how a resident joins, so no membership is needed to get here. */
export const load = (async (event) => {
  const me = requireMe(event.locals, event.url);
  const api = apiFor(event);
  const param = { tenant: event.params.tenant };
  const [board, mine] = await Promise.all([
    api.api.v1.public.n[':tenant'].notices.$get({ param, query: {} }),
    api.api.v1.t[':tenant'].my.units.$get({ param }),
  ]);
  if (!board.ok || !mine.ok) error(404, 'not found');
  return {
    neighbourhood: (await board.json()).neighbourhood,
    units: (await mine.json()).items,
    code: event.url.searchParams.get('code') ?? '',
    displayName: me.user.displayName,
  };
}) satisfies PageServerLoad;

const relationOf = (value: string) => value as Relation;

export const actions = {
  claim: async (event) => {
    const values = fields(await event.request.formData(), ['code', 'relation', 'displayName'] as const);
    const res = await apiFor(event).api.v1.t[':tenant'].claims.$post({
      param: { tenant: event.params.tenant },
      json: { ...values, relation: relationOf(values.relation) },
    });
    if (!res.ok) return failFrom(res, values);
    const verification = await res.json();
    return {
      claimed: verification.status === 'verified',
      pending: verification.status === 'pending',
      address: verification.address,
    };
  },
  request: async (event) => {
    const values = fields(await event.request.formData(), [
      'building',
      'entrance',
      'room',
      'relation',
      'displayName',
      'note',
    ] as const);
    const res = await apiFor(event).api.v1.t[':tenant'].verifications.$post({
      param: { tenant: event.params.tenant },
      json: { ...values, relation: relationOf(values.relation) },
    });
    if (!res.ok) return failFrom(res, values);
    return { requested: true };
  },
} satisfies Actions;
