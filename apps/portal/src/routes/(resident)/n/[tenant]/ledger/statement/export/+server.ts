import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import { periodParam } from '#lib/ledger.ts';
import type { RequestHandler } from './$types';

/** The statements of `from`…`to` as the printable PDF or the spreadsheet. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.me) error(401, 'sign in');
  const asked = event.url.searchParams;
  const from = periodParam(asked.get('from'));
  const to = periodParam(asked.get('to'));
  const format = asked.get('format') === 'xlsx' ? 'xlsx' : 'pdf';
  return passFile(
    await apiFor(event).api.v1.t[':tenant'].ledger.statement.export.$get({
      param: { tenant: event.params.tenant },
      query: { format, ...(from ? { from } : {}), ...(to ? { to } : {}) },
    }),
  );
};
