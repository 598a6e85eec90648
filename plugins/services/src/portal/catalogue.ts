import { pluginPath } from '@city/plugin-sdk/links';
import { PAGES } from '../pages.ts';
import type { PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesApi } from '../server/index.ts';
import { category, newKey, text } from './form-data.ts';

// —— /: the neighbourhood's offerings, searched and filtered by category ——

export const browsePage: PluginPage<ServicesApi> = {
  component: () => import('./BrowsePage.svelte'),
  load: async ({ client, ok, url }) => {
    const q = url.searchParams.get('q')?.trim() || undefined;
    const chosen = category(url.searchParams.get('category') ?? '');
    return {
      q: q ?? '',
      category: chosen ?? '',
      page: await ok(
        await client.offerings.$get({
          query: { q, category: chosen, cursor: url.searchParams.get('cursor') ?? undefined },
        }),
      ),
    };
  },
};

// —— /offerings/[offeringId]: one offering, and the form to order it ——

export const offeringPage: PluginPage<ServicesApi> = {
  component: () => import('./OfferingPage.svelte'),
  load: async ({ client, ok, params }) => ({
    detail: await ok(await client.offerings[':offeringId'].$get({ param: { offeringId: params.offeringId! } })),
    key: newKey(),
  }),
  actions: {
    order: async ({ client, form }) => {
      const values = Object.fromEntries(
        ['slotId', 'unitId', 'quantity', 'contactPhone', 'notes', 'key', 'offeringId'].map((k) => [k, text(form, k)]),
      );
      const res = await client.orders.$post({
        json: {
          offeringId: values.offeringId!,
          slotId: values.slotId!,
          unitId: values.unitId!,
          quantity: Number(values.quantity || '1'),
          contactPhone: values.contactPhone!,
          notes: values.notes!,
        },
        header: { 'idempotency-key': values.key! },
      });
      if (!res.ok) return { failed: res, values };
      return { redirect: pluginPath(PAGES.order, { orderId: (await res.json()).id }, { placed: 1 }) };
    },
  },
};
