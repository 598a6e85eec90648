import { definePluginPortal } from '@city/plugin-sdk/portal';
import { PAGES } from '../pages.ts';
import type { VotingApi, VotingPublicApi, VotingSupervisionApi } from '../server/index.ts';
import { managePage } from './manage.ts';
import { meetingPage, meetingsPage } from './meetings.ts';
import { messages } from './messages/index.ts';
import { supervisionPage } from './supervision.ts';
import { reportsPage, topicPage, topicsPage } from './topics.ts';
import { memberVerifyPage, verifyPage } from './verify.ts';

export default definePluginPortal<VotingApi, VotingPublicApi, VotingSupervisionApi>({
  messages,
  pages: {
    [PAGES.topics]: topicsPage,
    [PAGES.topic]: topicPage,
    [PAGES.reports]: reportsPage,
    [PAGES.meetings]: meetingsPage,
    [PAGES.meeting]: meetingPage,
    [PAGES.manage]: managePage,
    // The receipt check again for signed-in members, where their own ballots show their choices.
    [PAGES.verify]: memberVerifyPage,
  },
  publicPages: {
    [PAGES.verify]: verifyPage,
  },
  supervisionPages: {
    [PAGES.supervision]: supervisionPage,
  },
});
