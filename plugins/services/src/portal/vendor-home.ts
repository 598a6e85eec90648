import type { PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesVendorApi } from '../server/index.ts';
import { text } from './form-data.ts';

/** /: the vendor's overview — neighbourhoods applied to and served (with their service point), and the figures. */
export const vendorHomePage: PluginPage<ServicesVendorApi> = {
  component: () => import('./VendorHomePage.svelte'),
  load: async ({ client, ok }) => ({
    profile: await ok(await client.profile.$get()),
    neighbourhoods: (await ok(await client.neighbourhoods.$get())).items,
    dashboard: await ok(await client.dashboard.$get()),
  }),
  actions: {
    apply: async ({ client, form }) => {
      const values = { neighbourhood: text(form, 'neighbourhood'), note: text(form, 'note') };
      const res = await client.applications.$post({ json: values });
      return res.ok ? { applied: true } : { failed: res, values };
    },
    withdraw: async ({ client, form }) => {
      const res = await client.applications[':tenantId'].withdraw.$post({
        param: { tenantId: text(form, 'tenantId') },
      });
      return res.ok ? { saved: true } : { failed: res };
    },
    point: async ({ client, form }) => {
      const values = {
        tenantId: text(form, 'tenantId'),
        address: text(form, 'address'),
        hours: text(form, 'hours'),
      };
      const res = await client.admissions[':tenantId']['service-point'].$put({
        param: { tenantId: values.tenantId },
        json: { address: values.address, hours: values.hours },
      });
      return res.ok ? { saved: true } : { failed: res, values };
    },
  },
};
