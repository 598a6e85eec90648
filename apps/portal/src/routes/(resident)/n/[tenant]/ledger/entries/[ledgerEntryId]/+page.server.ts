import { error, redirect } from '@sveltejs/kit';
import { apiFor } from '#lib/server/api.ts';
import { fields } from '#lib/server/forms.ts';
import { sendLedgerFile } from '#lib/server/ledger-documents.ts';
import { requireMe } from '#lib/server/guards.ts';
import { refusedBy } from '#lib/server/ledger-forms.ts';
import { beijingToday } from '#lib/ledger.ts';
import { routes } from '#lib/routes.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * One entry: its lines as 借方/贷方, its evidence, the entry it reverses or that reversed it, and (for treasurers)
 * adding evidence and reversing it.
 */
export const load = (async (event) => {
  requireMe(event.locals, event.url);
  const api = apiFor(event).api.v1.t[':tenant'];
  const param = { tenant: event.params.tenant };
  const entryOf = (ledgerEntryId: string) =>
    api.ledger.entries[':ledgerEntryId'].$get({ param: { ...param, ledgerEntryId } });
  const [summary, res] = await Promise.all([api.$get({ param }), entryOf(event.params.ledgerEntryId)]);
  if (!summary.ok || !res.ok) error(404, 'not found');
  const entry = await res.json();
  // The numbers of the entries it is linked to, for the links both ways.
  const linked = await Promise.all(
    [entry.reversesId, entry.reversedById].map(async (id) => {
      if (!id) return null;
      const other = await entryOf(id);
      return other.ok ? { id, number: (await other.json()).number } : { id, number: null };
    }),
  );
  return {
    neighbourhood: await summary.json(),
    entry,
    reverses: linked[0] ?? null,
    reversedBy: linked[1] ?? null,
    today: beijingToday(),
  };
}) satisfies PageServerLoad;

export const actions = {
  reverse: async (event) => {
    const values = fields(await event.request.formData(), ['occurredOn', 'memo']);
    const res = await apiFor(event).api.v1.t[':tenant'].ledger.entries[':ledgerEntryId'].reversal.$post({
      param: { tenant: event.params.tenant, ledgerEntryId: event.params.ledgerEntryId },
      json: values,
    });
    if (!res.ok) return refusedBy(res, 'reverse', values);
    redirect(303, routes.ledgerEntry(event.params.tenant, (await res.json()).id));
  },
  document: async (event) => {
    const sent = await sendLedgerFile(event, 'document', [], (query, body) =>
      apiFor(event).api.v1.t[':tenant'].ledger.entries[':ledgerEntryId'].documents.$post(
        { param: { tenant: event.params.tenant, ledgerEntryId: event.params.ledgerEntryId }, query },
        body,
      ),
    );
    return sent.failure ?? { done: 'document' };
  },
} satisfies Actions;
