import type { PluginPage } from '@city/plugin-sdk/portal';
import type { PartyRegionApi } from '../server/index.ts';
import type { RegionBranchData } from './types.ts';

/** One branch under the region, in figures: what its 社区党委 or 街道党工委 reads to guide it (no member's name). */
export const regionBranchPage: PluginPage<PartyRegionApi> = {
  component: () => import('./RegionBranchPage.svelte'),
  load: async ({ client, ok, params }): Promise<RegionBranchData> => ({
    branch: await ok(await client.branches[':tenantId'].$get({ param: { tenantId: params.tenantId! }, query: {} })),
  }),
};
