import { pluginPath } from '@city/plugin-sdk/links';
import { VENDOR_PAGES } from '../pages.ts';
import type { PluginPage } from '@city/plugin-sdk/portal';
import type { ServicesVendorApi } from '../server/index.ts';
import { category, text } from './form-data.ts';

/** /profile: what residents and admins read about the vendor. */
export const vendorProfilePage: PluginPage<ServicesVendorApi> = {
  component: () => import('./VendorProfilePage.svelte'),
  load: async ({ client, ok }) => ({ profile: await ok(await client.profile.$get()) }),
  actions: {
    save: async ({ client, form }) => {
      const values = { intro: text(form, 'intro'), phone: text(form, 'phone') };
      const categories = form
        .getAll('categories')
        .map(String)
        .flatMap((c) => category(c) ?? []);
      const res = await client.profile.$put({ json: { ...values, categories } });
      return res.ok ? { redirect: pluginPath(VENDOR_PAGES.home) } : { failed: res, values };
    },
  },
};
