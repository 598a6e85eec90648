import type { Locale, Problem } from '@city/contracts';
import { fail } from '@sveltejs/kit';
import { translate, type MessageKey } from '#lib/i18n/index.ts';
import type { LedgerFailure } from '#lib/ledger.ts';

/**
 * The forms of the owners' bodies: each refusal names its form, so the page shows it there and nowhere else (the
 * same shape as 公共收益's, read with `failureOf` and `fieldOf`).
 */

/** Several rules broken by one field (the 筹备组's composition) are all shown, one after another. */
const joiner = (locale: Locale) => (locale === 'en' ? '; ' : '；');

/**
 * The API's refusal (problem+json, already in the visitor's language) of form `form`, its field errors renamed to
 * the form's fields by `field` (`members.2.name` → `name.3`).
 */
export async function refusedBy(
  res: Response,
  locale: Locale,
  form: string,
  values: Record<string, string>,
  field: (path: string) => string = (path) => path,
) {
  let problem: Problem | null = null;
  try {
    problem = (await res.json()) as Problem;
  } catch {
    // a non-JSON failure keeps the generic message
  }
  const fieldErrors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    const name = field(e.path);
    const said = fieldErrors[name];
    if (said?.includes(e.message)) continue;
    fieldErrors[name] = said ? `${said}${joiner(locale)}${e.message}` : e.message;
  }
  return fail(res.status, {
    message: problem?.detail ?? problem?.title ?? `HTTP ${res.status}`,
    fieldErrors,
    values: { ...values, _form: form, _id: '' },
  } satisfies LedgerFailure);
}

/** A form refused here (or for a reason said better here), in the visitor's words, next to its fields. */
export function refusedHere(
  locale: Locale,
  form: string,
  errors: Record<string, MessageKey>,
  values: Record<string, string>,
  message: MessageKey = 'committee.form.check',
) {
  return fail(400, {
    message: translate(locale, message),
    fieldErrors: Object.fromEntries(Object.entries(errors).map(([name, key]) => [name, translate(locale, key)])),
    values: { ...values, _form: form, _id: '' },
  } satisfies LedgerFailure);
}

/** A form's repeated fields (`name`, `seat` of each row), trimmed, as many as `max`. */
export function columns<const K extends string>(form: FormData, names: readonly K[], max: number) {
  const cols = names.map((n) => form.getAll(n).map((v) => String(v).trim()));
  const count = Math.min(Math.max(...cols.map((c) => c.length)), max);
  return Array.from(
    { length: count },
    (_, i) => Object.fromEntries(names.map((n, j) => [n, cols[j]![i] ?? ''])) as Record<K, string>,
  );
}
