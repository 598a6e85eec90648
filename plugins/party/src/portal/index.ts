import { definePluginPortal } from '@city/plugin-sdk/portal';
import { PAGES, REGION_PAGES } from '../pages.ts';
import type { PartyApi, PartyRegionApi } from '../server/index.ts';
import { activitiesPage } from './activities.ts';
import { branchActivitiesPage } from './branch-activities.ts';
import { branchActivityPage } from './branch-activity.ts';
import { branchPage } from './branch.ts';
import { commitmentsPage } from './commitments.ts';
import { dutiesPage } from './duties.ts';
import { homePage } from './home.ts';
import { membersPage } from './members.ts';
import { messages } from './messages/index.ts';
import { minePage } from './mine.ts';
import { pointsPage } from './points.ts';
import { regionBranchPage } from './region-branch.ts';
import { regionHomePage } from './region.ts';

export default definePluginPortal<PartyApi, never, never, never, PartyRegionApi>({
  messages,
  pages: {
    [PAGES.home]: homePage,
    [PAGES.mine]: minePage,
    [PAGES.activities]: activitiesPage,
    [PAGES.branch]: branchPage,
    [PAGES.members]: membersPage,
    [PAGES.commitments]: commitmentsPage,
    [PAGES.points]: pointsPage,
    [PAGES.branchActivities]: branchActivitiesPage,
    [PAGES.branchActivity]: branchActivityPage,
    [PAGES.duties]: dutiesPage,
  },
  regionNavigation: [{ path: REGION_PAGES.home, label: { 'zh-CN': '智慧党建', en: 'Party building' } }],
  regionPages: {
    [REGION_PAGES.home]: regionHomePage,
    [REGION_PAGES.branch]: regionBranchPage,
  },
});
