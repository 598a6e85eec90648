import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { DUTY_STATUSES, type DutyStatus } from '../values.ts';
import { done, refused, text } from './forms.ts';
import { removePhoto, sendPhoto } from './photos.ts';
import type { DutiesData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

const statusOf = (value: string): DutyStatus =>
  (DUTY_STATUSES as readonly string[]).includes(value) ? (value as DutyStatus) : 'todo';

/** The year's list, from the default duties (the page offers it while the year has none). */
async function start({ client, form }: Context): Promise<ActionResult> {
  const res = await client.branch.duties.defaults.$post({ json: { year: Number(text(form, 'year')) } });
  return res.ok ? done('start') : refused(res, 'start');
}

async function addDuty({ client, form }: Context): Promise<ActionResult> {
  const values = { title: text(form, 'title') };
  const res = await client.branch.duties.$post({ json: { ...values, year: Number(text(form, 'year')) } });
  return res.ok ? done('addDuty') : refused(res, 'addDuty', '', values);
}

/** A duty's progress and evidence, saved on its own. */
async function saveDuty({ client, form }: Context): Promise<ActionResult> {
  const dutyId = text(form, 'id');
  const values = { title: text(form, 'title'), status: text(form, 'status'), evidence: text(form, 'evidence') };
  const res = await client.branch.duties[':dutyId'].$put({
    param: { dutyId },
    json: { ...values, status: statusOf(values.status) },
  });
  return res.ok ? done('saveDuty', dutyId) : refused(res, 'saveDuty', dutyId, values);
}

/** /branch/duties: the year's duty list (职责清单) with evidence, and the residents' needs members passed on. */
export const dutiesPage: PluginPage<PartyApi> = {
  component: () => import('./DutiesPage.svelte'),
  load: async ({ client, ok }): Promise<DutiesData> => ({
    list: await ok(await client.branch.duties.$get({ query: {} })),
  }),
  actions: {
    start,
    addDuty,
    saveDuty,
    addPhoto: (context) =>
      sendPhoto(context, (dutyId, request) =>
        context.client.branch.duties[':dutyId'].photos.$post({ param: { dutyId } }, request),
      ),
    removePhoto,
  },
};
