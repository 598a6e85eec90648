import type { PluginPage } from '@city/plugin-sdk/portal';
import type { PartyRegionApi } from '../server/index.ts';
import { done, refused, text } from './forms.ts';
import type { RegionData } from './types.ts';

/** The region home for 街道/社区/区 staff: their own committee, the committees below, the branches under them. */
export const regionHomePage: PluginPage<PartyRegionApi> = {
  component: () => import('./RegionPage.svelte'),
  load: async ({ client, ok }): Promise<RegionData> => ({
    region: await ok(await client.overview.$get({ query: {} })),
  }),
  actions: {
    saveCommittee: async ({ client, form }) => {
      const values = { name: text(form, 'name'), secretary: text(form, 'secretary'), phone: text(form, 'phone') };
      const res = await client.committee.$put({ json: values });
      return res.ok ? done('saveCommittee') : refused(res, 'saveCommittee', '', values);
    },
  },
};
