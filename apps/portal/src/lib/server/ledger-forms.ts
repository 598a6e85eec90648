import type { Locale } from '@city/contracts';
import { fail } from '@sveltejs/kit';
import { translate, type MessageKey } from '#lib/i18n/index.ts';
import type { LedgerFailure } from '#lib/ledger.ts';
import { parseYuan } from '#lib/money.ts';
import { failFrom, type FormFailure } from './forms.ts';

/** The forms of 公共收益: each refusal names its form (and row), so the page shows it there and nowhere else. */

/**
 * The API's refusal (problem+json, already in the visitor's language) of form `form` (row `id`), its field errors
 * renamed to the form's fields (`amountFen` → `amount`).
 */
export async function refusedBy(
  res: Response,
  form: string,
  values: Record<string, string>,
  options: { id?: string; field?: (path: string) => string } = {},
) {
  const failure = await failFrom(res, values);
  const rename = options.field ?? ((path: string) => AMOUNT_FIELDS[path] ?? path);
  const data: FormFailure = failure.data;
  return fail(failure.status, {
    message: data.message,
    fieldErrors: Object.fromEntries(Object.entries(data.fieldErrors).map(([path, text]) => [rename(path), text])),
    values: { ...data.values, _form: form, _id: options.id ?? '' },
  } satisfies LedgerFailure);
}

/** The API's amounts in fen and the form fields where they are typed in 元. */
const AMOUNT_FIELDS: Record<string, string> = {
  amountFen: 'amount',
  totalFen: 'total',
  countersignAboveFen: 'countersignAbove',
};

/** A form refused here before the API is asked, in the visitor's words, next to its fields. */
export function refusedHere(
  locale: Locale,
  form: string,
  errors: Record<string, MessageKey>,
  values: Record<string, string>,
  id = '',
) {
  const fieldErrors = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, translate(locale, key)]));
  return fail(400, {
    message: translate(locale, 'ledger.form.check'),
    fieldErrors,
    values: { ...values, _form: form, _id: id },
  } satisfies LedgerFailure);
}

/** 元 as typed → fen, or the message key saying why not. */
export function amountOf(text: string): { fen: number } | { key: MessageKey } {
  const parsed = parseYuan(text);
  return 'fen' in parsed ? parsed : { key: `ledger.amount.${parsed.problem}` };
}
