import type { PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesApi } from '../server/index.ts';
import { text } from './form-data.ts';

// —— /orders: the resident's orders ——

export const ordersPage: PluginPage<ServicesApi> = {
  component: () => import('./OrdersPage.svelte'),
  load: async ({ client, ok, url }) => ({
    page: await ok(await client.orders.$get({ query: { cursor: url.searchParams.get('cursor') ?? undefined } })),
  }),
};

// —— /orders/[orderId]: one order; cancel it, review it or complain about it ——

export const orderPage: PluginPage<ServicesApi> = {
  component: () => import('./OrderPage.svelte'),
  load: async ({ client, ok, params, url }) => ({
    order: await ok(await client.orders[':orderId'].$get({ param: { orderId: params.orderId! } })),
    placed: url.searchParams.has('placed'),
  }),
  actions: {
    cancel: async ({ client, form, params }) => {
      const res = await client.orders[':orderId'].cancel.$post({
        param: { orderId: params.orderId! },
        json: { reason: text(form, 'reason') || undefined },
      });
      return res.ok ? { cancelled: true } : { failed: res };
    },
    review: async ({ client, form, params }) => {
      const values = { rating: text(form, 'rating'), comment: text(form, 'comment') };
      const res = await client.orders[':orderId'].review.$post({
        param: { orderId: params.orderId! },
        json: { rating: Number(values.rating), comment: values.comment },
      });
      return res.ok ? { reviewed: true } : { failed: res, values };
    },
    complain: async ({ client, form, params }) => {
      const values = { body: text(form, 'body') };
      const res = await client.orders[':orderId'].complaint.$post({
        param: { orderId: params.orderId! },
        json: values,
      });
      if (!res.ok) return { failed: res, values };
      return { complained: true, feedback: (await res.json()).feedback };
    },
  },
};
