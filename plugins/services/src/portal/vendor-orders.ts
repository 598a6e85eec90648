import type { PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesVendorApi } from '../server/index.ts';
import type { OrderStatus } from '../order-states.ts';
import { text } from './form-data.ts';

/** /orders: the vendor's inbox across neighbourhoods (it polls), where orders are moved on. */
export const vendorOrdersPage: PluginPage<ServicesVendorApi> = {
  component: () => import('./VendorOrdersPage.svelte'),
  load: async ({ client, ok, url }) => {
    const status = url.searchParams.get('status') ?? '';
    const page = await ok(await client.orders.$get({ query: status ? { status: status as OrderStatus } : {} }));
    return { status, page };
  },
  actions: {
    move: async ({ client, form }) => {
      const values = { orderId: text(form, 'orderId'), reason: text(form, 'reason') };
      const res = await client.orders[':orderId'].transition.$post({
        param: { orderId: values.orderId },
        json: { to: text(form, 'to') as OrderStatus, reason: values.reason || undefined },
      });
      return res.ok ? { moved: true } : { failed: res, values };
    },
  },
};
