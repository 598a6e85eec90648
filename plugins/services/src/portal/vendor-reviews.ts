import type { PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesVendorApi } from '../server/index.ts';
import { text } from './form-data.ts';

/** /reviews: residents' reviews of the vendor, each answered once. */
export const vendorReviewsPage: PluginPage<ServicesVendorApi> = {
  component: () => import('./VendorReviewsPage.svelte'),
  load: async ({ client, ok }) => ({ reviews: (await ok(await client.reviews.$get())).items }),
  actions: {
    reply: async ({ client, form }) => {
      const values = { orderId: text(form, 'orderId'), reply: text(form, 'reply') };
      const res = await client.reviews[':orderId'].reply.$post({
        param: { orderId: values.orderId },
        json: { reply: values.reply },
      });
      return res.ok ? { saved: true } : { failed: res, values };
    },
  },
};
