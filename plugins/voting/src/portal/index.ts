import { definePluginPortal } from '@city/plugin-sdk/portal';
import type { VotingApi, VotingPublicApi, VotingSupervisionApi } from '../server/index.ts';
import { managePage } from './manage.ts';
import { meetingPage, meetingsPage } from './meetings.ts';
import { messages } from './messages/index.ts';
import { supervisionPage } from './supervision.ts';
import { reportsPage, topicPage, topicsPage } from './topics.ts';
import { verifyPage } from './verify.ts';

export default definePluginPortal<VotingApi, VotingPublicApi, VotingSupervisionApi>({
  messages,
  pages: {
    '/': topicsPage,
    '/topics/[topicId]': topicPage,
    '/reports': reportsPage,
    '/meetings': meetingsPage,
    '/meetings/[meetingId]': meetingPage,
    '/meetings/[meetingId]/manage': managePage,
  },
  publicPages: {
    '/verify': verifyPage,
  },
  supervisionPages: {
    '/': supervisionPage,
  },
});
