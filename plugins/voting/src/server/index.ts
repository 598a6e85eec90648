import { fileURLToPath } from 'node:url';
import { definePluginServer, type PluginRouter } from '@city/plugin-sdk/server';
import { sql } from 'drizzle-orm';
import { votingManifest } from '../manifest.ts';
import {
  ballots,
  candidates,
  proxyDocuments,
  sheetRefusals,
  meetings,
  motions,
  replies,
  reports,
  rollOwners,
  rollUnits,
  supports,
  topics,
} from '../schema.ts';
import { ballotRoutes } from './routes/ballots.ts';
import { paperRoutes } from './routes/paper.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { publicRoutes, resultRoutes, supervisionRoutes } from './routes/results.ts';
import { replyRoutes } from './routes/replies.ts';
import { reportRoutes } from './routes/reports.ts';
import { supportRoutes } from './routes/supports.ts';
import { topicMotionRoutes } from './routes/topic-motions.ts';
import { topicRoutes } from './routes/topics.ts';
import { demo } from './demo.ts';
import { ownersYetToVote, votesToCast } from './notify.ts';
import { votingPersonalData } from './personal-data.ts';
import type { Settings } from './meetings.ts';

const routes = (router: PluginRouter<Settings>) =>
  resultRoutes(
    paperRoutes(
      ballotRoutes(meetingRoutes(topicMotionRoutes(reportRoutes(supportRoutes(replyRoutes(topicRoutes(router))))))),
    ),
  );

/** The member API's type, for the portal's typed client (imported with `import type`: no server code reaches it). */
export type VotingApi = ReturnType<typeof routes>;
export type VotingPublicApi = ReturnType<typeof publicRoutes>;
export type VotingSupervisionApi = ReturnType<typeof supervisionRoutes>;

export const votingPlugin = definePluginServer({
  manifest: votingManifest,
  migrations: fileURLToPath(new URL('../../migrations', import.meta.url)),
  routes,
  publicRoutes,
  supervisionRoutes,
  personalData: votingPersonalData,
  todo: votesToCast,
  notificationRecipients: { reminder: ownersYetToVote },
  lifecycle: {
    demo,
    // Row-level security limits every delete to the neighbourhood being purged; children before parents.
    purge: async (ctx) => {
      for (const table of [
        ballots,
        proxyDocuments,
        sheetRefusals,
        rollUnits,
        rollOwners,
        candidates,
        reports,
        supports,
        replies,
      ])
        await ctx.db.delete(table).where(sql`true`);
      await ctx.db
        .update(topics)
        .set({ motionId: null })
        .where(sql`true`);
      await ctx.db.delete(motions).where(sql`true`);
      await ctx.db.delete(meetings).where(sql`true`);
      await ctx.db.delete(topics).where(sql`true`);
    },
  },
});
