import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { done, refused, text } from './forms.ts';
import type { ActivitiesData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

async function signUp({ client, form }: Context): Promise<ActionResult> {
  const activityId = text(form, 'id');
  const res = await client.activities[':activityId'].signup.$post({ param: { activityId } });
  return res.ok ? done('signUp', activityId) : refused(res, 'signUp', activityId);
}

async function cancelSignUp({ client, form }: Context): Promise<ActionResult> {
  const activityId = text(form, 'id');
  const res = await client.activities[':activityId'].signup.$delete({ param: { activityId } });
  return res.ok ? done('cancelSignUp', activityId) : refused(res, 'cancelSignUp', activityId);
}

/** /activities: what is coming and what was held lately; members sign up (residents too, where it is open to them). */
export const activitiesPage: PluginPage<PartyApi> = {
  component: () => import('./ActivitiesPage.svelte'),
  load: async ({ client, ok }): Promise<ActivitiesData> => ({
    items: (await ok(await client.activities.$get())).items,
    now: Date.now(),
  }),
  actions: { signUp, cancelSignUp },
};
