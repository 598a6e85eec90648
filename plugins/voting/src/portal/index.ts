import { definePluginPortal } from '@city/plugin-sdk/portal';
import type { VotingApi } from '../server/index.ts';
import { messages } from './messages.ts';

export default definePluginPortal<VotingApi>({
  messages,
  pages: {
    '/': { component: () => import('./TopicsPage.svelte'), load: async ({ client, ok }) => ({ topics: await ok(await client.topics.$get()) }) },
  },
});
