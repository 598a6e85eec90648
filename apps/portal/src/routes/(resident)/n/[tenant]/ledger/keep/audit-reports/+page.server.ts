import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { auditReports, sendLedgerFile } from '#lib/server/ledger-documents.ts';
import { beijingToday, isTreasurer } from '#lib/ledger.ts';
import type { Actions, PageServerLoad } from './$types';

/** The treasurers upload a third-party audit report; it goes to 公示 at once. The reports so far below. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const summary = await apiFor(event).api.v1.t[':tenant'].$get({ param: { tenant: event.params.tenant } });
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!isTreasurer(neighbourhood.myRoles)) error(403, 'treasurers only');
  return { neighbourhood, reports: await auditReports(event), today: beijingToday() };
}) satisfies PageServerLoad;

export const actions = {
  report: async (event) => {
    const sent = await sendLedgerFile(event, 'report', ['period'], (values, body) =>
      apiFor(event).api.v1.t[':tenant'].ledger['audit-reports'].$post(
        { param: { tenant: event.params.tenant }, query: { period: values.period, name: values.name } },
        body,
      ),
    );
    if (sent.failure) return sent.failure;
    return { done: 'report', id: (await sent.res.json()).noticeId };
  },
} satisfies Actions;
