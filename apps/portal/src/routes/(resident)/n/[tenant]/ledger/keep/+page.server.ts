import { error, redirect } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { requireMe } from '#lib/server/guards.ts';
import { amountOf, refusedBy, refusedHere } from '#lib/server/ledger-forms.ts';
import { ACCOUNT_TYPES, beijingToday, isTreasurer, periodParam } from '#lib/ledger.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

/** The treasurers' desk (admins and committee members): income, expenses, payments, months, dividends, accounts. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, accounts, settings, approved, periods, dividends] = await Promise.all([
    api.$get({ param }),
    api.ledger.accounts.$get({ param }),
    api.ledger.settings.$get({ param }),
    api.ledger.expenses.$get({ param, query: { status: 'approved' } }),
    api.ledger.periods.$get({ param }),
    api.ledger.dividends.$get({ param }),
  ]);
  if (!summary.ok) error(404, 'not found');
  const neighbourhood = await summary.json();
  if (!isTreasurer(neighbourhood.myRoles)) error(403, 'treasurers only');
  return {
    neighbourhood,
    accounts: (await okBody(accounts)).items,
    settings: await okBody(settings),
    approved: (await okBody(approved)).items,
    periods: (await okBody(periods)).items,
    dividends: (await okBody(dividends)).items,
    today: beijingToday(),
  };
}) satisfies PageServerLoad;

export const actions = {
  income: async (event) => {
    const values = fields(await event.request.formData(), [
      'occurredOn',
      'memo',
      'amount',
      'incomeAccountId',
      'depositAccountId',
    ]);
    const amount = amountOf(values.amount);
    if ('key' in amount) return refusedHere(event.locals.locale, 'income', { amount: amount.key }, values);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.income.$post({
      param: { tenant: event.params.tenant },
      json: {
        occurredOn: values.occurredOn,
        memo: values.memo,
        amountFen: amount.fen,
        incomeAccountId: values.incomeAccountId,
        depositAccountId: values.depositAccountId,
      },
    });
    if (!res.ok) return refusedBy(res, 'income', values);
    const entry = await res.json();
    return { done: 'income', number: entry.number, entryId: entry.id };
  },
  expense: async (event) => {
    const values = fields(await event.request.formData(), ['title', 'payee', 'reason', 'amount', 'expenseAccountId']);
    const amount = amountOf(values.amount);
    if ('key' in amount) return refusedHere(event.locals.locale, 'expense', { amount: amount.key }, values);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.expenses.$post({
      param: { tenant: event.params.tenant },
      json: {
        title: values.title,
        payee: values.payee,
        reason: values.reason,
        amountFen: amount.fen,
        expenseAccountId: values.expenseAccountId,
      },
    });
    if (!res.ok) return refusedBy(res, 'expense', values);
    redirect(303, routes.ledgerExpense(event.params.tenant, (await res.json()).id));
  },
  pay: async (event) => {
    const values = fields(await event.request.formData(), ['expenseId', 'occurredOn', 'payAccountId']);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.expenses[':expenseId'].payment.$post({
      param: { tenant: event.params.tenant, expenseId: values.expenseId },
      json: { occurredOn: values.occurredOn, payAccountId: values.payAccountId },
    });
    if (!res.ok) return refusedBy(res, 'pay', values, { id: values.expenseId });
    const paid = await res.json();
    return { done: 'pay', id: values.expenseId, entryId: paid.entryId ?? undefined };
  },
  close: async (event) => {
    const values = fields(await event.request.formData(), ['period']);
    const period = periodParam(values.period);
    if (!period) return refusedHere(event.locals.locale, 'close', { period: 'ledger.periodInvalid' }, values);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.periods[':period'].close.$post({
      param: { tenant: event.params.tenant, period },
    });
    if (!res.ok) return refusedBy(res, 'close', values, { id: period });
    return { done: 'close', id: period };
  },
  dividend: async (event) => {
    const values = fields(await event.request.formData(), ['title', 'total', 'declaredOn']);
    const total = amountOf(values.total);
    if ('key' in total) return refusedHere(event.locals.locale, 'dividend', { total: total.key }, values);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.dividends.$post({
      param: { tenant: event.params.tenant },
      json: { title: values.title, totalFen: total.fen, declaredOn: values.declaredOn },
    });
    if (!res.ok) return refusedBy(res, 'dividend', values);
    redirect(303, routes.ledgerDividend(event.params.tenant, (await res.json()).id));
  },
  account: async (event) => {
    const values = fields(await event.request.formData(), ['code', 'name', 'type']);
    const type = ACCOUNT_TYPES.find((t) => t === values.type) ?? 'income';
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.accounts.$post({
      param: { tenant: event.params.tenant },
      json: { code: values.code, name: values.name, type },
    });
    if (!res.ok) return refusedBy(res, 'account', values);
    return { done: 'account' };
  },
} satisfies Actions;
