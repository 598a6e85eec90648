import type { MessageKey } from '#lib/i18n/index.ts';
import { error, redirect } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { requireMe } from '#lib/server/guards.ts';
import { refusedBy, refusedHere } from '#lib/server/ledger-forms.ts';
import { beijingToday, isTreasurer, journalField, journalLines, journalTotals, type JournalRow } from '#lib/ledger.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

const MAX_ROWS = 20;

/** A general journal entry (调整、期初) with every line given by the treasurer. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, accounts] = await Promise.all([api.$get({ param }), api.ledger.accounts.$get({ param })]);
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!isTreasurer(neighbourhood.myRoles)) error(403, 'treasurers only');
  return { neighbourhood, accounts: (await okBody(accounts)).items, today: beijingToday(), maxRows: MAX_ROWS };
}) satisfies PageServerLoad;

/** The form as typed: the entry's fields, its rows, and the same flattened (`debit.3`) to type back after a refusal. */
async function typed(request: Request) {
  const form = await request.formData();
  const text = (name: string) => String(form.get(name) ?? '').trim();
  const column = (name: string) => form.getAll(name).map((v) => String(v).trim());
  const [accountIds, debits, credits] = [column('accountId'), column('debit'), column('credit')];
  const rows: JournalRow[] = accountIds
    .slice(0, MAX_ROWS)
    .map((accountId, i) => ({ accountId, debit: debits[i] ?? '', credit: credits[i] ?? '' }));
  const values: Record<string, string> = {
    occurredOn: text('occurredOn'),
    memo: text('memo'),
    rows: String(rows.length),
  };
  rows.forEach((row, i) => {
    values[`accountId.${i}`] = row.accountId;
    values[`debit.${i}`] = row.debit;
    values[`credit.${i}`] = row.credit;
  });
  return { rows, values };
}

const LINE_MESSAGES: Record<string, MessageKey> = {
  required: 'ledger.amount.required',
  format: 'ledger.amount.format',
  zero: 'ledger.amount.zero',
  too_large: 'ledger.amount.too_large',
  one_side: 'ledger.line.oneSide',
  account: 'ledger.line.account',
};

export const actions = {
  /** Without JavaScript, "add a row" posts the form: it comes back as typed, two rows longer. */
  addRow: async (event) => {
    const { rows, values } = await typed(event.request);
    return { done: 'rows', values: { ...values, rows: String(Math.min(rows.length + 2, MAX_ROWS)) } };
  },
  post: async (event) => {
    const { rows, values } = await typed(event.request);
    const locale = event.locals.locale;
    const { lines, rowOf, errors } = journalLines(rows);
    if (Object.keys(errors).length)
      return refusedHere(
        locale,
        'journal',
        Object.fromEntries(Object.entries(errors).map(([field, problem]) => [field, LINE_MESSAGES[problem]!])),
        values,
      );
    if (lines.length < 2) return refusedHere(locale, 'journal', { lines: 'ledger.line.twoAtLeast' }, values);
    if (!journalTotals(rows).balanced)
      return refusedHere(locale, 'journal', { lines: 'ledger.line.unbalanced' }, values);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.entries.$post({
      param: { tenant: event.params.tenant },
      json: { occurredOn: values.occurredOn!, memo: values.memo!, lines },
    });
    if (!res.ok) return refusedBy(res, 'journal', values, { field: (path) => journalField(path, rowOf) });
    redirect(303, routes.ledgerEntry(event.params.tenant, (await res.json()).id));
  },
} satisfies Actions;
