import type { PluginPage } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { done, refused, text } from './forms.ts';
import type { HomeData } from './types.ts';

/** /: the branch, who leads where the member lives, and the member's own registration. */
export const homePage: PluginPage<PartyApi> = {
  component: () => import('./HomePage.svelte'),
  load: async ({ client, ok }): Promise<HomeData> => ({ overview: await ok(await client.overview.$get()) }),
  actions: {
    register: async ({ client, form }) => {
      const values = { workUnit: text(form, 'workUnit'), homeUnitId: text(form, 'homeUnitId') };
      // The version read goes out only with the box ticked; without it the API answers that consent is required.
      const consentVersion = form.get('consent') === null ? '' : text(form, 'consentVersion');
      const res = await client.registration.$post({ json: { ...values, consentVersion } });
      return res.ok ? done('register') : refused(res, 'register', '', values);
    },
    badge: async ({ client, form }) => {
      const res = await client.registration.badge.$put({ json: { show: text(form, 'show') === 'on' } });
      return res.ok ? done('badge') : refused(res, 'badge');
    },
    withdraw: async ({ client }) => {
      const res = await client.registration.$delete();
      return res.ok ? done('withdraw') : refused(res, 'withdraw');
    },
  },
};
