import { formFailure, type ActionResult, type FormFailure, type FormResult } from '@city/plugin-sdk/portal';

/** A text field, trimmed; absent fields are empty strings. */
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Every value of a repeated field (checkboxes, rows of selects), in the form's order. */
export const all = (form: FormData, name: string) => form.getAll(name).map((v) => String(v).trim());

/** An optional id from a select: empty means none. */
export const optional = (value: string) => value || null;

// A page holds many forms (one per group, per member, per person in charge): what an action answers names the action
// and the row (`id`) it was about, so the page shows the outcome next to that form and nowhere else.

export const done = (action: string, id = ''): ActionResult => ({ done: action, id });

export const refused = (res: Response, action: string, id = '', values: Record<string, string> = {}): ActionResult => ({
  failed: res,
  values: { ...values, _action: action, _id: id },
});

/** The failure of one form, if that form was the one refused: what was typed, the API's message and field errors. */
export function failureOf(form: FormResult | null, action: string, id = ''): FormFailure | null {
  const failure = formFailure(form);
  return failure && failure.values._action === action && (failure.values._id ?? '') === id ? failure : null;
}

/**
 * A field's `name`, `value` and `error` for a TextField or SelectField: what was typed if its form was refused,
 * else `fallback`, and the API's error for it. Spread it: `<TextField label={…} {...fieldOf(failure, 'title')} />`.
 */
export const fieldOf = (failure: FormFailure | null, name: string, fallback = '') => ({
  name,
  value: failure?.values[name] ?? fallback,
  error: failure?.fieldErrors[name],
});

/** The action that just went through, and its row. */
export const doneOf = (form: FormResult | null) =>
  form && 'done' in form ? { action: String(form.done), id: String(form.id ?? '') } : null;

export function succeeded(form: FormResult | null, action: string, id = '') {
  const done = doneOf(form);
  return done?.action === action && done.id === id;
}

/** `2026-12-01T09:00` typed in a `datetime-local` field, on pages shown in China's time → an ISO time with its offset. */
export const shanghaiTime = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+08:00` : value;

/** An optional whole number typed in a number field: empty is null; anything else that is not one is NaN. */
export const optionalNumber = (value: string) => (value === '' ? null : /^-?\d+$/.test(value) ? Number(value) : NaN);

/**
 * A form refused before the API is asked, in the visitor's words and next to its field, shaped as the API's own
 * refusals (problem+json) so the page shows it the same way.
 */
export function refusedHere(
  message: string,
  field: string,
  action: string,
  id = '',
  values: Record<string, string> = {},
): ActionResult {
  const problem = { title: message, status: 400, errors: [{ path: field, message }] };
  const res = new Response(JSON.stringify(problem), {
    status: 400,
    headers: { 'content-type': 'application/problem+json' },
  });
  return refused(res, action, id, values);
}
