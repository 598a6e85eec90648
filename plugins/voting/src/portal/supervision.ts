import type { PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { VotingSupervisionApi } from '../server/index.ts';
import type { SupervisionData } from './types.ts';

/**
 * /: the neighbourhood's meetings (drafts are never shown to supervisors) with turnout and results. The list carries
 * no agenda, so each meeting is read in full; a neighbourhood holds a few meetings a year.
 */
async function load({ client, ok }: PortalContext<VotingSupervisionApi>): Promise<SupervisionData> {
  const list = await ok(await client.meetings.$get());
  const meetings = await Promise.all(
    list.items.map(async (m) => ok(await client.meetings[':meetingId'].$get({ param: { meetingId: m.id } }))),
  );
  return { meetings };
}

export const supervisionPage: PluginPage<VotingSupervisionApi> = {
  component: () => import('./SupervisionPage.svelte'),
  load,
};
