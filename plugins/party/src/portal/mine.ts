import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import type { PartyApi } from '../server/index.ts';
import { done, refused, text } from './forms.ts';
import { photoIn, photoRequest, removePhoto, sendPhoto } from './photos.ts';
import type { MineData } from './types.ts';

type Context = PortalContext<PartyApi> & { form: FormData };

async function publish({ client, form }: Context): Promise<ActionResult> {
  const values = { title: text(form, 'title'), body: text(form, 'body') };
  const res = await client.my.commitments.$post({ json: { ...values, year: Number(text(form, 'year')) } });
  return res.ok ? done('publish') : refused(res, 'publish', '', values);
}

/** 报告践诺: the evidence, and a photo if one was picked (sent once the claim stands, beside it). */
async function claim(context: Context): Promise<ActionResult> {
  const { client, form } = context;
  const commitmentId = text(form, 'id');
  const values = { evidence: text(form, 'evidence') };
  const res = await client.my.commitments[':commitmentId'].claim.$post({ param: { commitmentId }, json: values });
  if (!res.ok) return refused(res, 'claim', commitmentId, values);
  const photo = photoIn(form);
  if (!photo) return done('claim', commitmentId);
  const sent = await client.my.commitments[':commitmentId'].photos.$post(
    { param: { commitmentId } },
    await photoRequest(photo),
  );
  // The claim stands either way; a refused photo is told beside the form that adds photos to it.
  return sent.ok ? done('claim', commitmentId) : refused(sent, 'addPhoto', commitmentId);
}

async function withdraw({ client, form }: Context): Promise<ActionResult> {
  const commitmentId = text(form, 'id');
  const res = await client.my.commitments[':commitmentId'].withdrawal.$post({ param: { commitmentId } });
  return res.ok ? done('withdraw', commitmentId) : refused(res, 'withdraw', commitmentId);
}

/** 收集居民需求: it becomes the member's own 码上提 report, whose number they are shown to quote. */
async function need({ client, form }: Context): Promise<ActionResult> {
  const values = { body: text(form, 'body') };
  const res = await client.needs.$post({ json: values });
  if (!res.ok) return refused(res, 'need', '', values);
  const report = await res.json();
  return { ...done('need'), reportNumber: report.reportNumber, reportLink: report.reportLink };
}

/** /my: a member's points and commitments of the year, and the needs they pass on. */
export const minePage: PluginPage<PartyApi> = {
  component: () => import('./MinePage.svelte'),
  load: async ({ client, ok }): Promise<MineData> => {
    const res = await client.my.points.$get({ query: {} });
    // Not registered, or not confirmed yet (409, which the route's declared answers leave out): the page says so.
    if ((res.status as number) === 409) return { mine: null };
    return { mine: await ok(res) };
  },
  actions: {
    publish,
    claim,
    withdraw,
    addPhoto: (context) =>
      sendPhoto(context, (commitmentId, request) =>
        context.client.my.commitments[':commitmentId'].photos.$post({ param: { commitmentId } }, request),
      ),
    removePhoto,
    need,
  },
};
