import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { refusedBy, refusedHere } from '#lib/server/ledger-forms.ts';
import { beijingToday, isTreasurer, pageOfShares, SHARE_STATES } from '#lib/ledger.ts';
import type { Actions, PageServerLoad } from './$types';

/** A distribution's shares, 50 a page, found by owner or unit, ticked off as paid. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, dividends, shares, accounts] = await Promise.all([
    api.$get({ param }),
    api.ledger.dividends.$get({ param }),
    api.ledger.dividends[':dividendId'].shares.$get({ param: { ...param, dividendId: event.params.dividendId } }),
    api.ledger.accounts.$get({ param }),
  ]);
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!isTreasurer(neighbourhood.myRoles)) error(403, 'treasurers only');
  const dividend = (await okBody(dividends)).items.find((d) => d.id === event.params.dividendId);
  if (!dividend || !shares.ok) error(404, 'not found');
  const asked = event.url.searchParams;
  const filter = {
    q: (asked.get('q') ?? '').trim().slice(0, 40),
    state: SHARE_STATES.find((s) => s === asked.get('state')) ?? 'unpaid',
    page: Number(asked.get('page') ?? 1),
  };
  return {
    neighbourhood,
    dividend,
    shares: pageOfShares((await shares.json()).items, filter),
    filter,
    accounts: (await okBody(accounts)).items.filter((a) => a.type === 'asset'),
    today: beijingToday(),
  };
}) satisfies PageServerLoad;

export const actions = {
  pay: async (event) => {
    const form = await event.request.formData();
    const values = fields(form, ['occurredOn', 'payAccountId', 'scope']);
    // "All unpaid on this page" pays the page's keys; otherwise the ticked ones.
    const ownerKeys = form.getAll(values.scope === 'page' ? 'pageKeys' : 'ownerKeys').map(String);
    if (ownerKeys.length === 0)
      return refusedHere(event.locals.locale, 'pay', { ownerKeys: 'ledger.sharesNoneTicked' }, values);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.dividends[':dividendId'].payments.$post({
      param: { tenant: event.params.tenant, dividendId: event.params.dividendId },
      json: { ownerKeys, occurredOn: values.occurredOn, payAccountId: values.payAccountId },
    });
    if (!res.ok) return refusedBy(res, 'pay', values);
    return { done: 'pay', number: ownerKeys.length };
  },
} satisfies Actions;
