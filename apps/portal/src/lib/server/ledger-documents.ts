import type { RequestEvent } from '@sveltejs/kit';
import { apiFor, okBody } from './api.ts';
import { fields } from './forms.ts';
import { refusedBy, refusedHere } from './ledger-forms.ts';

/**
 * How a file reaches the ledger's document routes: the bytes as the body with the type the browser named (the API
 * trusts only the bytes), the name in the query. `headers` merge with the client's own (session, language); headers
 * inside `init` would replace them.
 */
export interface FileBody {
  headers: Record<string, string>;
  init: { body: ArrayBuffer };
}

/**
 * A ledger form's file (evidence, an audit report) sent by `send` with the form's `extra` fields: refused here when no
 * file was chosen; named as typed, else by the file's own name. The API's refusal (not a PDF or an image, too many,
 * too large) comes back as the form `form`'s failure, in the visitor's language; otherwise the API's answer.
 */
export async function sendLedgerFile<const K extends string>(
  event: RequestEvent,
  form: string,
  extra: readonly K[],
  send: (values: Record<K | 'name', string>, body: FileBody) => Promise<Response>,
) {
  const data = await event.request.formData();
  const values = fields(data, ['name', ...extra]);
  const file = data.get('file');
  // An empty file input sends one empty, nameless file.
  if (!(file instanceof File) || file.size === 0)
    return {
      failure: refusedHere(event.locals.locale, form, { file: 'ledger.documentFileRequired' }, values),
      res: null,
    };
  const res = await send(
    { ...values, name: values.name || file.name.slice(0, 100) },
    {
      headers: { 'content-type': file.type || 'application/octet-stream' },
      init: { body: await file.arrayBuffer() },
    },
  );
  if (!res.ok) return { failure: await refusedBy(res, form, values), res: null };
  return { failure: null, res };
}

/** The audit reports, each with the 公示 notice it was published with. */
export async function auditReports(event: RequestEvent<{ tenant: string }>) {
  const api = apiFor(event).api.v1.t[':tenant'];
  return (await okBody(await api.ledger['audit-reports'].$get({ param: { tenant: event.params.tenant } }))).items;
}
