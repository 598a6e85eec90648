import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { all, done, refused } from './forms.ts';
import { removePhoto, sendPhoto } from './photos.ts';
import type { BranchActivityData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

/** 签到: everyone ticked was there (members who came without signing up too); the rest were not. */
async function attendance({ client, form, params }: Context): Promise<ActionResult> {
  const activityId = params.activityId!;
  const res = await client.branch.activities[':activityId'].attendance.$post({
    param: { activityId },
    json: { present: all(form, 'present').filter(Boolean) },
  });
  return res.ok ? done('attendance') : refused(res, 'attendance');
}

async function cancel({ client, params }: Context): Promise<ActionResult> {
  const res = await client.branch.activities[':activityId'].cancellation.$post({
    param: { activityId: params.activityId! },
  });
  return res.ok ? done('cancel') : refused(res, 'cancel');
}

/** /branch/activities/[activityId]: one activity for the branch: who signed up, attendance, photos, cancelling. */
export const branchActivityPage: PluginPage<PartyApi> = {
  component: () => import('./BranchActivityPage.svelte'),
  load: async ({ client, ok, params }): Promise<BranchActivityData> => {
    const activity = await ok(
      await client.activities[':activityId'].$get({ param: { activityId: params.activityId! } }),
    );
    return { activity, started: Date.parse(activity.startsAt) <= Date.now() };
  },
  actions: {
    attendance,
    cancel,
    addPhoto: (context) =>
      sendPhoto(context, (activityId, request) =>
        context.client.branch.activities[':activityId'].photos.$post({ param: { activityId } }, request),
      ),
    removePhoto,
  },
};
