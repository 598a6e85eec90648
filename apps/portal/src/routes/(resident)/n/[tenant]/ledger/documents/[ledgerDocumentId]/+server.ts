import { error } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { passFile } from '#lib/server/downloads.ts';
import type { RequestHandler } from './$types';

/** A piece of evidence on an entry or an expense (PDF or photo), for every member to check. */
export const GET: RequestHandler = async (event) => {
  if (!event.locals.me) error(401, 'sign in');
  return passFile(
    await apiFor(event).api.v1.t[':tenant'].ledger.documents[':ledgerDocumentId'].$get({
      param: { tenant: event.params.tenant, ledgerDocumentId: event.params.ledgerDocumentId },
    }),
  );
};
