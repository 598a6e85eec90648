import { PortalError, type ActionResult, type PluginPage, type PortalContext } from '@city/plugin-sdk/portal';
import type { MatterType } from '@city/plugin-sdk/voting';
import type { VotingApi } from '../server/index.ts';
import { all, ballotValues, choicesFrom, refused, text, ticked } from './form-data.ts';
import { fromLocalInput, hasAny, TELLER_ROLES } from './format.ts';
import { meetingInput } from './meetings.ts';
import { localFailure, pinned } from './refusals.ts';
import type { LifecycleStep, ManageData, ManageDone } from './types.ts';

type Context = PortalContext<VotingApi>;
type ActionContext = Context & { form: FormData };

const meetingId = (ctx: Context) => ctx.params.meetingId ?? '';
const param = (ctx: Context) => ({ meetingId: meetingId(ctx) });

async function load(ctx: Context): Promise<ManageData> {
  const { client, ok, actor, url } = ctx;
  const canTell = hasAny(actor.roles, TELLER_ROLES);
  const meeting = await ok(await client.meetings[':meetingId'].$get({ param: param(ctx) }));
  // Whether the visitor runs meetings is the API's call (an admin does only while there is no committee).
  const canManage = meeting.canManage;
  if (!canTell && !canManage) throw new PortalError(403);
  const q = (url.searchParams.get('q') ?? '').trim().slice(0, 40);
  const building = (url.searchParams.get('building') ?? '').trim().slice(0, 40);
  const wanted = url.searchParams.get('status');
  const status = wanted === 'voted' || wanted === 'unvoted' ? wanted : '';
  const cursor = url.searchParams.get('cursor') ?? '';
  const desk = canTell && meeting.status === 'open';
  // Tellers see where the paper went from the opening on; the count desk itself only while voting is open.
  const tally = canTell && (meeting.status === 'open' || meeting.status === 'closed');
  const meetingApi = client.meetings[':meetingId'];
  const [roll, pending, reconciliation] = await Promise.all([
    desk
      ? meetingApi.roll
          .$get({
            param: param(ctx),
            query: {
              ...(q ? { q } : {}),
              ...(building ? { building } : {}),
              ...(status ? { status } : {}),
              ...(cursor ? { cursor } : {}),
            },
          })
          .then(ok)
      : null,
    desk ? meetingApi['staff-ballots'].$get({ param: param(ctx) }).then(ok) : null,
    tally ? meetingApi.reconciliation.$get({ param: param(ctx) }).then(ok) : null,
  ]);
  const owner = url.searchParams.get('owner');
  const chain =
    url.searchParams.get('check') === 'chain' && meeting.status !== 'draft'
      ? await ok(await client.meetings[':meetingId'].chain.$get({ param: param(ctx) }))
      : null;
  const now = Date.now();
  // The earliest opening is the API's (the notice period in Beijing calendar days); announcing earlier is refused.
  const announceable = meeting.motions.length > 0 && Date.parse(meeting.opensAt) >= Date.parse(meeting.earliestOpening);
  const openable = now >= Date.parse(meeting.opensAt) && now < Date.parse(meeting.closesAt);
  // By the API's clock: the vote has ended once the meeting says so.
  const closable = meeting.phase === 'ended' && !meeting.turnout?.pendingPaper;
  // The confirmation asked for (`?confirm=`), shown only while its step can be taken.
  const takeable: Record<LifecycleStep, boolean> = {
    announce: canManage && meeting.status === 'draft' && announceable,
    open: canManage && meeting.status === 'announced' && openable,
    close: canManage && closable,
  };
  const step = url.searchParams.get('confirm');
  const confirming = (Object.keys(takeable) as LifecycleStep[]).find((s) => s === step && takeable[s]) ?? null;
  return {
    meeting,
    canManage,
    canTell,
    q,
    building,
    status,
    cursor,
    roll,
    picked: roll?.items.find((o) => o.id === owner) ?? null,
    pending: pending?.items ?? [],
    reconciliation,
    chain,
    announceable,
    openable,
    closable,
    now: new Date(now).toISOString(),
    confirming,
  };
}

// —— the draft: the meeting itself and its agenda ——

async function save(ctx: ActionContext): Promise<ActionResult> {
  const { values, json } = meetingInput(ctx.form);
  const res = await ctx.client.meetings[':meetingId'].$put({ param: param(ctx), json });
  return res.ok ? { done: 'saved' satisfies ManageDone } : refused(res, 'save', values);
}

/** Candidates one per line, as the election form takes them. */
const candidateNames = (lines: string) =>
  lines
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

async function addMotion(ctx: ActionContext): Promise<ActionResult> {
  const { form } = ctx;
  const values = {
    kind: text(form, 'kind'),
    matterType: text(form, 'matterType'),
    title: text(form, 'title'),
    description: text(form, 'description'),
    seats: text(form, 'seats'),
    byElection: ticked(form, 'byElection') ? 'on' : '',
    candidates: text(form, 'candidates'),
    scope: text(form, 'scope') === 'buildings' ? 'buildings' : 'all',
    buildings: all(form, 'buildings').join(','),
  };
  const election = values.kind === 'election';
  const json = {
    kind: election ? ('election' as const) : ('motion' as const),
    matterType: values.matterType as MatterType,
    title: values.title,
    description: values.description,
    // A motion has neither; what was typed into them is dropped rather than refused.
    seats: election && values.seats ? Number(values.seats) : null,
    byElection: election && values.byElection === 'on',
    candidates: election ? candidateNames(values.candidates).map((name) => ({ name, statement: '' })) : [],
    // Some buildings with none ticked goes as an empty set, which the API refuses beside the boxes.
    scope: values.scope === 'buildings' ? all(form, 'buildings') : null,
  };
  const res = await ctx.client.meetings[':meetingId'].motions.$post({ param: param(ctx), json });
  return res.ok ? { done: 'motionAdded' satisfies ManageDone } : refused(res, 'addMotion', values);
}

async function removeMotion(ctx: ActionContext): Promise<ActionResult> {
  const motionId = text(ctx.form, 'motionId');
  const res = await ctx.client.meetings[':meetingId'].motions[':motionId'].$delete({
    param: { ...param(ctx), motionId },
  });
  return res.ok ? { done: 'motionRemoved' satisfies ManageDone } : refused(res, 'removeMotion', { motionId });
}

// —— the lifecycle: announce → open → close ——

async function announce(ctx: ActionContext): Promise<ActionResult> {
  const res = await ctx.client.meetings[':meetingId'].announce.$post({ param: param(ctx) });
  return res.ok ? { done: 'announced' satisfies ManageDone } : refused(res, 'announce');
}

async function open(ctx: ActionContext): Promise<ActionResult> {
  const res = await ctx.client.meetings[':meetingId'].open.$post({ param: param(ctx) });
  return res.ok ? { done: 'opened' satisfies ManageDone } : refused(res, 'open');
}

async function close(ctx: ActionContext): Promise<ActionResult> {
  const res = await ctx.client.meetings[':meetingId'].close.$post({ param: param(ctx) });
  return res.ok ? { done: 'closed' satisfies ManageDone } : refused(res, 'close');
}

// —— the count desk: paper and proxy ballots, each checked by a second teller ——

/** The count desk's refusals that concern one field of the entry form, told beside it. */
const ENTRY_FIELDS = {
  'voting.sheet_taken': 'paperRef',
  'voting.received_late': 'receivedAt',
  'voting.proxy_limit': 'proxyName',
  'voting.document_invalid': 'proxyDocument',
  'voting.document_too_large': 'proxyDocument',
};

/**
 * A paper or proxy ballot. A proxy's signed authorisation (委托书) goes up first, as the file itself; when the entry is
 * then refused, the form carries the uploaded document's id back, so the corrected entry does not upload it again.
 */
async function enter(ctx: ActionContext): Promise<ActionResult> {
  const { form } = ctx;
  const fields = {
    rollOwnerId: text(form, 'rollOwnerId'),
    channel: text(form, 'channel') === 'proxy' ? ('proxy' as const) : ('paper' as const),
    receivedAt: text(form, 'receivedAt'),
    wholeInvalid: ticked(form, 'wholeInvalid'),
    paperRef: text(form, 'paperRef'),
    proxyName: text(form, 'proxyName'),
  };
  let document = { id: text(form, 'proxyDocumentId'), name: text(form, 'proxyDocumentName') };
  const values = () => ({
    ...fields,
    wholeInvalid: fields.wholeInvalid ? 'on' : '',
    proxyDocumentId: document.id,
    proxyDocumentName: document.name,
    ...ballotValues(form),
  });
  const file = form.get('proxyDocument');
  if (fields.channel === 'proxy' && file instanceof File && file.size > 0) {
    const upload = await ctx.client.meetings[':meetingId']['proxy-documents'].$post(
      { param: param(ctx) },
      // The API checks what the bytes really are; the type only names them.
      {
        headers: { 'content-type': file.type || 'application/octet-stream' },
        init: { body: await file.arrayBuffer() },
      },
    );
    if (!upload.ok) return refused(await pinned(upload, ENTRY_FIELDS), 'enter', values());
    document = { id: (await upload.json()).id, name: file.name };
  }
  const res = await ctx.client.meetings[':meetingId']['staff-ballots'].$post({
    param: param(ctx),
    json: {
      ...fields,
      receivedAt: fromLocalInput(fields.receivedAt),
      // A sheet that is 废票 as a whole records no answers, whatever was ticked before the box.
      choices: fields.wholeInvalid ? [] : choicesFrom(form),
      proxyName: fields.channel === 'proxy' ? fields.proxyName : '',
      proxyDocumentId: fields.channel === 'proxy' && document.id ? document.id : null,
    },
  });
  if (!res.ok) return refused(await pinned(res, ENTRY_FIELDS), 'enter', values());
  return { entered: { receipt: (await res.json()).receipt, label: text(form, 'label') } };
}

/** Sheets handed out and collected, as counted by hand (either may stay blank until it is known). */
async function sheetCounts(ctx: ActionContext): Promise<ActionResult> {
  const values = { issued: text(ctx.form, 'issued'), returned: text(ctx.form, 'returned') };
  const counts: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== '' && !/^\d{1,7}$/.test(value))
      return refused(localFailure(ctx.locale, 'reconciliation.countInvalid', name), 'sheetCounts', values);
    counts[name] = value === '' ? null : Number(value);
  }
  const res = await ctx.client.meetings[':meetingId']['sheet-counts'].$put({
    param: param(ctx),
    json: { issued: counts.issued ?? null, returned: counts.returned ?? null },
  });
  return res.ok ? { done: 'sheetCounts' satisfies ManageDone } : refused(res, 'sheetCounts', values);
}

async function confirm(ctx: ActionContext): Promise<ActionResult> {
  const ballotId = text(ctx.form, 'ballotId');
  const res = await ctx.client.meetings[':meetingId']['staff-ballots'][':ballotId'].confirm.$post({
    param: { ...param(ctx), ballotId },
  });
  return res.ok ? { done: 'confirmed' satisfies ManageDone } : refused(res, 'confirm', { ballotId });
}

async function reject(ctx: ActionContext): Promise<ActionResult> {
  const ballotId = text(ctx.form, 'ballotId');
  const res = await ctx.client.meetings[':meetingId']['staff-ballots'][':ballotId'].reject.$post({
    param: { ...param(ctx), ballotId },
  });
  return res.ok ? { done: 'rejected' satisfies ManageDone } : refused(res, 'reject', { ballotId });
}

export const managePage: PluginPage<VotingApi> = {
  component: () => import('./ManagePage.svelte'),
  load,
  actions: { save, addMotion, removeMotion, announce, open, close, enter, confirm, reject, sheetCounts },
};
