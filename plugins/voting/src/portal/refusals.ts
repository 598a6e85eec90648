import type { Locale } from '@city/plugin-sdk/portal';
import { messages, type MessageKey } from './messages/index.ts';

// Shaping refusals for the form actions (server side): the page shows a problem's field errors beside the fields.

/** A problem+json answer as the API would give it, for a form refused before the API is asked. */
function problemResponse(status: number, problem: Record<string, unknown>): Response {
  return new Response(JSON.stringify(problem), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/** A form refused in the portal (a field the API would misread), in the visitor's words, next to the field. */
export function localFailure(locale: Locale, key: MessageKey, field: string): Response {
  const message = messages[locale][key];
  return problemResponse(400, { title: message, status: 400, errors: [{ path: field, message, code: 'invalid' }] });
}

/**
 * A refusal that is about one field without saying so (a sheet number already entered, a sheet received too late) told
 * beside that field as well: `fields` maps the API's error codes to the form's field names. Other answers pass as they are.
 */
export async function pinned(res: Response, fields: Record<string, string>): Promise<Response> {
  const problem = (await res
    .clone()
    .json()
    .catch(() => null)) as { code?: string; title?: string; detail?: string; errors?: unknown[] } | null;
  const field = problem?.code ? fields[problem.code] : undefined;
  if (!problem || !field || problem.errors?.length) return res;
  const message = problem.detail ?? problem.title ?? '';
  return problemResponse(res.status, { ...problem, errors: [{ path: field, message, code: problem.code }] });
}
