import type { Problem } from '@city/contracts';
import { error, redirect } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { refusedBy } from '#lib/server/ledger-forms.ts';
import { beijingToday, periodParam } from '#lib/ledger.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

/** The trial balance, income statement and balance sheet of the months asked for (the year so far by default). */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const asked = event.url.searchParams;
  const from = periodParam(asked.get('from'));
  const to = periodParam(asked.get('to'));
  const [summary, statement, periods] = await Promise.all([
    api.$get({ param }),
    api.ledger.statement.$get({ param, query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } }),
    api.ledger.periods.$get({ param }),
  ]);
  if (!summary.ok) error(404, 'not found');
  // Months in the wrong order are the API's to refuse, in the reader's words, above the form.
  const refused = statement.status === 400 ? ((await statement.json()) as unknown as Problem) : null;
  return {
    neighbourhood: await summary.json(),
    statement: refused ? null : await okBody(statement),
    refused: refused ? (refused.errors?.[0]?.message ?? refused.detail ?? refused.title) : null,
    asked: { from: from ?? '', to: to ?? '' },
    periods: (await okBody(periods)).items,
    month: beijingToday().slice(0, 7),
  };
}) satisfies PageServerLoad;

export const actions = {
  /** Treasurers publish the statements of closed months to 公示. */
  publish: async (event) => {
    const values = fields(await event.request.formData(), ['from', 'to']);
    const from = periodParam(values.from);
    const to = periodParam(values.to);
    if (!from || !to) error(400, 'bad months');
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.statements.$post({
      param: { tenant: event.params.tenant },
      json: { from, to },
    });
    if (!res.ok) return refusedBy(res, 'publish', values);
    redirect(303, routes.notice(event.params.tenant, (await res.json()).noticeId));
  },
} satisfies Actions;
