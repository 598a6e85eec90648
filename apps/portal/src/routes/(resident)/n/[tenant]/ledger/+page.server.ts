import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { auditReports } from '#lib/server/ledger-documents.ts';
import { refusedBy } from '#lib/server/ledger-forms.ts';
import { beijingToday, periodParam } from '#lib/ledger.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * 公共收益 for every member: balances, the year's figures, months, expenses awaiting signatures, third-party audit
 * reports, the two bodies.
 */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const ledger = api.ledger;
  const [summary, accounts, settings, periods, expenses, entries, seats, dividends, mine, reports] = await Promise.all([
    api.$get({ param }),
    ledger.accounts.$get({ param }),
    ledger.settings.$get({ param }),
    ledger.periods.$get({ param }),
    ledger.expenses.$get({ param, query: {} }),
    ledger.entries.$get({ param, query: { limit: '8' } }),
    api['committee-members'].$get({ param }),
    ledger.dividends.$get({ param }),
    ledger['my-dividends'].$get({ param }),
    auditReports(event),
  ]);
  if (!summary.ok) error(404, 'not found');
  const today = beijingToday();
  return {
    neighbourhood: await summary.json(),
    accounts: (await okBody(accounts)).items,
    settings: await okBody(settings),
    periods: (await okBody(periods)).items,
    expenses: (await okBody(expenses)).items,
    entries: (await okBody(entries)).items,
    seats: (await okBody(seats)).items,
    dividends: (await okBody(dividends)).items,
    mine: (await okBody(mine)).items,
    reports,
    today,
  };
}) satisfies PageServerLoad;

export const actions = {
  /** The supervisory committee signs off a closed month. */
  review: async (event) => {
    const values = fields(await event.request.formData(), ['period', 'note']);
    const period = periodParam(values.period);
    if (!period) error(400, 'bad period');
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.periods[':period'].review.$post({
      param: { tenant: event.params.tenant, period },
      json: { note: values.note },
    });
    if (!res.ok) return refusedBy(res, 'review', values, { id: period });
    return { done: 'review', id: period };
  },
} satisfies Actions;
