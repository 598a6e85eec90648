import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { amountOf, refusedBy, refusedHere } from '#lib/server/ledger-forms.ts';
import { beijingToday, BODIES, isLedgerAdmin, LEAVE_REASONS, POSITIONS } from '#lib/ledger.ts';
import type { Actions, PageServerLoad } from './$types';

/** Admins: how expenses are approved, and who sits on the committee and the supervisory committee. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const q = (event.url.searchParams.get('q') ?? '').trim().slice(0, 40);
  const [summary, settings, seats, members] = await Promise.all([
    api.$get({ param }),
    api.ledger.settings.$get({ param }),
    api['committee-members'].$get({ param }),
    api.members.$get({ param, query: { limit: '100', ...(q ? { q } : {}) } }),
  ]);
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!isLedgerAdmin(neighbourhood.myRoles)) error(403, 'admins only');
  const page = await okBody(members);
  return {
    neighbourhood,
    settings: await okBody(settings),
    seats: (await okBody(seats)).items,
    members: page.items,
    moreMembers: page.nextCursor !== null,
    q,
    today: beijingToday(),
  };
}) satisfies PageServerLoad;

const number = (value: string) => (/^\d+$/.test(value) ? Number(value) : -1);

export const actions = {
  settings: async (event) => {
    const values = fields(await event.request.formData(), ['approvalsNeeded', 'countersignAbove']);
    // 0 is a threshold here (every expense is countersigned), not a refused amount.
    const zero = /^[0０]+([.．][0０]{0,2})?$/.test(values.countersignAbove);
    const above = zero ? { fen: 0 } : amountOf(values.countersignAbove);
    if ('key' in above) return refusedHere(event.locals.locale, 'settings', { countersignAbove: above.key }, values);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.settings.$put({
      param: { tenant: event.params.tenant },
      json: { approvalsNeeded: number(values.approvalsNeeded), countersignAboveFen: above.fen },
    });
    if (!res.ok) return refusedBy(res, 'settings', values);
    return { done: 'settings' };
  },
  seat: async (event) => {
    const values = fields(await event.request.formData(), ['body', 'userId', 'position', 'joinedOn']);
    const res = await apiFor(event).api.v1.t[':tenant']['committee-members'].$post({
      param: { tenant: event.params.tenant },
      json: {
        body: BODIES.find((b) => b === values.body) ?? 'committee',
        userId: values.userId,
        position: POSITIONS.find((p) => p === values.position) ?? 'member',
        joinedOn: values.joinedOn,
      },
    });
    if (!res.ok) return refusedBy(res, 'seat', values);
    return { done: 'seat' };
  },
  leave: async (event) => {
    const values = fields(await event.request.formData(), ['seatId', 'leftOn', 'reason']);
    const res = await apiFor(event).api.v1.t[':tenant']['committee-members'][':seatId'].leave.$post({
      param: { tenant: event.params.tenant, seatId: values.seatId },
      json: { leftOn: values.leftOn, reason: LEAVE_REASONS.find((r) => r === values.reason) ?? 'resigned' },
    });
    if (!res.ok) return refusedBy(res, 'leave', values, { id: values.seatId });
    return { done: 'leave', id: values.seatId };
  },
} satisfies Actions;
