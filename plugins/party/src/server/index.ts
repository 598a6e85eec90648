import { fileURLToPath } from 'node:url';
import { definePluginServer, type PluginRouter } from '@city/plugin-sdk/server';
import { sql } from 'drizzle-orm';
import { partyManifest } from '../manifest.ts';
import {
  activities,
  branches,
  duties,
  groups,
  leaders,
  members,
  officers,
  photos as photoRows,
  pointRules,
} from '../schema.ts';
import type { Settings } from './access.ts';
import { branchRoutes } from './branch.ts';
import { commitmentPhotoReader, commitmentPhotoWriter, commitmentRoutes } from './commitments.ts';
import { activityPhotoReader, activityRoutes } from './activities.ts';
import { dutyPhotoReader, dutyRoutes } from './duties.ts';
import { photoRoutes } from './photos.ts';
import { partyDemo, partyRegionDemo } from './demo.ts';
import { memberRoutes } from './members.ts';
import { overviewRoutes } from './overview.ts';
import { personalData } from './personal-data.ts';
import { pointRoutes } from './points.ts';
import { regionRoutes } from './region.ts';
import { registrationRoutes } from './registration.ts';

const photos = photoRoutes(
  { activity: activityPhotoReader, commitment: commitmentPhotoReader, duty: dutyPhotoReader },
  { activity: async () => false, commitment: commitmentPhotoWriter, duty: async () => false },
);

const routes = (router: PluginRouter<Settings>) =>
  photos(
    dutyRoutes(
      activityRoutes(
        pointRoutes(commitmentRoutes(memberRoutes(branchRoutes(registrationRoutes(overviewRoutes(router)))))),
      ),
    ),
  );

/** The API's types, for the portal's typed clients. */
export type PartyApi = ReturnType<typeof routes>;
// `{}` is Hono's own "no routes yet" schema (as PluginRouter's default).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type PartyRegionApi = ReturnType<typeof regionRoutes<{}>>;

export const partyPlugin = definePluginServer({
  manifest: partyManifest,
  migrations: fileURLToPath(new URL('../../migrations', import.meta.url)),
  routes,
  regionRoutes,
  personalData,
  lifecycle: {
    // Row-level security limits every delete to the neighbourhood being purged (events and group buildings cascade).
    purge: async (ctx) => {
      // The core drops the plugin's profile badges with its data. Deleting the members takes their commitments and
      // points with them (the ledger itself is never deleted from by the plugin's role).
      for (const table of [photoRows, activities, duties, members, pointRules, officers, leaders, groups, branches])
        await ctx.db.delete(table).where(sql`true`);
    },
    demo: partyDemo,
    regionDemo: partyRegionDemo,
  },
});
