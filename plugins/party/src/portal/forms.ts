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

/** The action that just went through, and its row. */
export const doneOf = (form: FormResult | null) =>
  form && 'done' in form ? { action: String(form.done), id: String(form.id ?? '') } : null;

export function succeeded(form: FormResult | null, action: string, id = '') {
  const done = doneOf(form);
  return done?.action === action && done.id === id;
}
