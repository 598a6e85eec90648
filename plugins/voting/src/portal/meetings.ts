import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import { pluginPath } from '@city/plugin-sdk/links';
import type { VotingApi } from '../server/index.ts';
import { ballotValues, choicesFrom, refused, text, ticked } from './form-data.ts';
import { fromLocalInput, hasAny, TELLER_ROLES } from './format.ts';
import { PAGES } from '../pages.ts';
import type { BallotReview, MeetingData, MeetingsData } from './types.ts';
import { DISCLOSURES } from '../values.ts';

type Context = PortalContext<VotingApi>;
type ActionContext = Context & { form: FormData };

type Disclosure = (typeof DISCLOSURES)[number];

/** The meeting form (create and edit): as typed, for redisplay, and as the API takes it. */
export function meetingInput(form: FormData) {
  const values = {
    title: text(form, 'title'),
    description: text(form, 'description'),
    opensAt: text(form, 'opensAt'),
    closesAt: text(form, 'closesAt'),
    allowChange: ticked(form, 'allowChange') ? 'on' : '',
    revealLive: ticked(form, 'revealLive') ? 'on' : '',
    disclosure: text(form, 'disclosure'),
  };
  const disclosure: Disclosure = (DISCLOSURES as readonly string[]).includes(values.disclosure)
    ? (values.disclosure as Disclosure)
    : 'room';
  const json = {
    title: values.title,
    description: values.description,
    opensAt: fromLocalInput(values.opensAt),
    closesAt: fromLocalInput(values.closesAt),
    allowChange: values.allowChange === 'on',
    revealLive: values.revealLive === 'on',
    disclosure,
  };
  return { values, json };
}

// —— /meetings ——

async function create({ client, form }: ActionContext): Promise<ActionResult> {
  const { values, json } = meetingInput(form);
  const res = await client.meetings.$post({ json });
  if (!res.ok) return refused(res, 'create', values);
  return { redirect: pluginPath(PAGES.manage, { meetingId: (await res.json()).id }) };
}

export const meetingsPage: PluginPage<VotingApi> = {
  component: () => import('./MeetingsPage.svelte'),
  load: async ({ client, ok }): Promise<MeetingsData> => ({ meetings: await ok(await client.meetings.$get()) }),
  actions: { create },
};

// —— /meetings/[meetingId]: the residents' page, with the ballot ——

const meetingId = (ctx: Context) => ctx.params.meetingId ?? '';

async function loadMeeting(ctx: Context): Promise<MeetingData> {
  const { client, ok, actor } = ctx;
  const param = { meetingId: meetingId(ctx) };
  const meeting = await ok(await client.meetings[':meetingId'].$get({ param }));
  const mine = meeting.status === 'draft' ? null : await ok(await client.meetings[':meetingId'].mine.$get({ param }));
  // One key per counting owner: the API matches a repeat by key across the voter's ballots in this meeting.
  const keys = Object.fromEntries((mine?.items ?? []).map((item) => [item.rollOwnerId, crypto.randomUUID()]));
  return { meeting, mine, keys, canTell: hasAny(actor.roles, TELLER_ROLES) };
}

async function vote(ctx: ActionContext): Promise<ActionResult> {
  const { form } = ctx;
  const rollOwnerId = text(form, 'rollOwnerId');
  const key = text(form, 'idempotencyKey');
  const values = { ...ballotValues(form), rollOwnerId };
  const res = await ctx.client.meetings[':meetingId'].ballots.$post({
    param: { meetingId: meetingId(ctx) },
    json: { rollOwnerId, choices: choicesFrom(form) },
    header: key ? { 'idempotency-key': key } : {},
  });
  if (!res.ok) return refused(res, 'vote', values);
  const receipt = await res.json();
  return { voted: { rollOwnerId, receipt: receipt.receipt, status: receipt.status } };
}

/** The ballot as ticked, shown back before it is cast: without JavaScript (the page does it in place otherwise). */
async function review({ form }: ActionContext): Promise<ActionResult> {
  const reviewing: BallotReview = {
    rollOwnerId: text(form, 'rollOwnerId'),
    key: text(form, 'idempotencyKey'),
    values: ballotValues(form),
    choices: choicesFrom(form),
  };
  return { reviewing };
}

/** Back from the check to the form, with the choices as they were. */
async function revise({ form }: ActionContext): Promise<ActionResult> {
  return { revising: { rollOwnerId: text(form, 'rollOwnerId'), values: ballotValues(form) } };
}

export const meetingPage: PluginPage<VotingApi> = {
  component: () => import('./MeetingPage.svelte'),
  load: loadMeeting,
  actions: { review, revise, vote },
};
