import { definePluginPortal } from '@city/plugin-sdk/portal';
import { PAGES, REGION_PAGES } from '../pages.ts';
import type { PartyApi, PartyRegionApi } from '../server/index.ts';
import { branchPage } from './branch.ts';
import { homePage } from './home.ts';
import { membersPage } from './members.ts';
import { messages } from './messages/index.ts';
import { regionHomePage } from './region.ts';

export default definePluginPortal<PartyApi, never, never, never, PartyRegionApi>({
  messages,
  pages: {
    [PAGES.home]: homePage,
    [PAGES.branch]: branchPage,
    [PAGES.members]: membersPage,
  },
  regionNavigation: [{ path: REGION_PAGES.home, label: { 'zh-CN': '智慧党建', en: 'Party building' } }],
  regionPages: {
    [REGION_PAGES.home]: regionHomePage,
  },
});
