import type { ExpenseSignatureInput } from '@city/contracts';
import { error } from '@sveltejs/kit';
import { apiFor, okBody } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { sendLedgerFile } from '#lib/server/ledger-documents.ts';
import { requireMe } from '#lib/server/guards.ts';
import { refusedBy } from '#lib/server/ledger-forms.ts';
import { beijingToday } from '#lib/ledger.ts';
import type { Actions, PageServerLoad } from './$types';

/** One expense: why, for whom, its quotes and contracts, its signatures, and the forms of those who sign, withdraw or pay it. */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const [summary, expense, seats, accounts] = await Promise.all([
    api.$get({ param }),
    api.ledger.expenses[':expenseId'].$get({ param: { ...param, expenseId: event.params.expenseId } }),
    api['committee-members'].$get({ param }),
    api.ledger.accounts.$get({ param }),
  ]);
  if (!summary.ok || !expense.ok) error(404, 'not found');
  return {
    neighbourhood: await summary.json(),
    expense: await expense.json(),
    seats: (await okBody(seats)).items,
    accounts: (await okBody(accounts)).items,
    today: beijingToday(),
  };
}) satisfies PageServerLoad;

const DECISIONS = ['approve', 'reject', 'countersign', 'refuse_countersign'] as const;

export const actions = {
  sign: async (event) => {
    const values = fields(await event.request.formData(), ['decision', 'note', 'body']);
    const decision = DECISIONS.find((d) => d === values.decision);
    if (!decision) error(400, 'bad decision');
    const json = (
      decision === 'approve' || decision === 'countersign'
        ? { decision, ...(values.note ? { note: values.note } : {}) }
        : { decision, note: values.note }
    ) as ExpenseSignatureInput;
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.expenses[':expenseId'].signatures.$post({
      param: { tenant: event.params.tenant, expenseId: event.params.expenseId },
      json,
    });
    if (!res.ok) return refusedBy(res, 'sign', values, { id: values.body });
    return { done: 'sign', id: decision };
  },
  withdraw: async (event) => {
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.expenses[':expenseId'].withdraw.$post({
      param: { tenant: event.params.tenant, expenseId: event.params.expenseId },
    });
    if (!res.ok) return refusedBy(res, 'withdraw', {});
    return { done: 'withdraw' };
  },
  pay: async (event) => {
    const values = fields(await event.request.formData(), ['occurredOn', 'payAccountId']);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.expenses[':expenseId'].payment.$post({
      param: { tenant: event.params.tenant, expenseId: event.params.expenseId },
      json: { occurredOn: values.occurredOn, payAccountId: values.payAccountId },
    });
    if (!res.ok) return refusedBy(res, 'pay', values);
    return { done: 'pay' };
  },
  document: async (event) => {
    const sent = await sendLedgerFile(event, 'document', [], (query, body) =>
      apiFor(event).api.v1.t[':tenant'].ledger.expenses[':expenseId'].documents.$post(
        { param: { tenant: event.params.tenant, expenseId: event.params.expenseId }, query },
        body,
      ),
    );
    return sent.failure ?? { done: 'document' };
  },
} satisfies Actions;
