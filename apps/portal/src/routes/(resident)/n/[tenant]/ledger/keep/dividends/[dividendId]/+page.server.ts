import { error, redirect } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { refusedBy, refusedHere } from '#lib/server/ledger-forms.ts';
import { beijingToday, isTreasurer, shareFilter } from '#lib/ledger.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

/** A distribution's shares, 50 a page, found by owner or unit, ticked off as paid; the API pages and finds them. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const filter = shareFilter(event.url.searchParams);
  const [summary, dividends, shares, accounts] = await Promise.all([
    api.$get({ param }),
    api.ledger.dividends.$get({ param }),
    api.ledger.dividends[':dividendId'].shares.$get({
      param: { ...param, dividendId: event.params.dividendId },
      query: {
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.state === 'all' ? {} : { status: filter.state }),
        ...(filter.cursor ? { cursor: filter.cursor } : {}),
        limit: '50',
      },
    }),
    api.ledger.accounts.$get({ param }),
  ]);
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!isTreasurer(neighbourhood.myRoles)) error(403, 'treasurers only');
  const dividend = (await okBody(dividends)).items.find((d) => d.id === event.params.dividendId);
  // A cursor the API refuses (an address edited or kept too long): the same shares from the first page.
  if (dividend && shares.status === 400 && filter.cursor)
    redirect(307, routes.ledgerDividend(param.tenant, dividend.id, { q: filter.q, state: filter.state }));
  if (!dividend || !shares.ok) error(404, 'not found');
  return {
    neighbourhood,
    dividend,
    shares: await shares.json(),
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
