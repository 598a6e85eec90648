import { definePluginPortal } from '@city/plugin-sdk/portal';
import type { ServicesApi } from '../server/index.ts';
import { messages } from './messages.ts';

export default definePluginPortal<ServicesApi>({
  messages,
  pages: {
    '/': {
      component: () => import('./HomePage.svelte'),
      load: async ({ client, ok }) => ({ list: await ok(await client.offerings.$get({ query: {} })) }),
    },
  },
});
