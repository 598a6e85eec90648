import type { ActionResult, PluginPage, PortalContext } from '@city/plugin-sdk/portal';
import { pluginPath } from '@city/plugin-sdk/links';
import type { MatterType } from '@city/plugin-sdk/voting';
import type { VotingApi } from '../server/index.ts';
import { refused, text } from './form-data.ts';
import { PAGES } from '../pages.ts';
import type { ReportsData, TopicData, TopicsData } from './types.ts';

type Context = PortalContext<VotingApi>;
type ActionContext = Context & { form: FormData };

// —— / : the topic list and the form to raise one ——

async function raise({ client, form }: ActionContext): Promise<ActionResult> {
  const values = { title: text(form, 'title'), body: text(form, 'body'), buildingId: text(form, 'buildingId') };
  const res = await client.topics.$post({ json: { ...values, buildingId: values.buildingId || null } });
  if (!res.ok) return refused(res, 'raise', values);
  return { redirect: pluginPath(PAGES.topic, { topicId: (await res.json()).id }) };
}

export const topicsPage: PluginPage<VotingApi> = {
  component: () => import('./TopicsPage.svelte'),
  load: async ({ client, ok }): Promise<TopicsData> => ({ topics: await ok(await client.topics.$get()) }),
  actions: { raise },
};

// —— /topics/[topicId] ——

const topicId = (ctx: Context) => ctx.params.topicId ?? '';

async function loadTopic(ctx: Context): Promise<TopicData> {
  const { client, ok } = ctx;
  const param = { topicId: topicId(ctx) };
  const topic = await ok(await client.topics[':topicId'].$get({ param }));
  // Draft meetings are listed only for those who run meetings (the committee, or the admin where none exists).
  const meetings = topic.eligible && topic.canManage ? await ok(await client.meetings.$get()) : null;
  const drafts = (meetings?.items ?? []).filter((m) => m.status === 'draft').map((m) => ({ id: m.id, title: m.title }));
  return {
    topic,
    canRaise: topic.canRaise,
    canModerate: topic.canModerate,
    supportThreshold: topic.supportThreshold,
    canManage: topic.canManage,
    drafts,
  };
}

async function support(ctx: ActionContext): Promise<ActionResult> {
  const res = await ctx.client.topics[':topicId'].support.$post({ param: { topicId: topicId(ctx) } });
  return res.ok ? { supported: true } : refused(res, 'support');
}

async function reply(ctx: ActionContext): Promise<ActionResult> {
  const values = { body: text(ctx.form, 'body') };
  const res = await ctx.client.topics[':topicId'].replies.$post({ param: { topicId: topicId(ctx) }, json: values });
  return res.ok ? { replied: true } : refused(res, 'reply', values);
}

async function report(ctx: ActionContext): Promise<ActionResult> {
  const values = { reason: text(ctx.form, 'reason'), replyId: text(ctx.form, 'replyId') };
  const res = await ctx.client.topics[':topicId'].reports.$post({
    param: { topicId: topicId(ctx) },
    json: { reason: values.reason, replyId: values.replyId || null },
  });
  return res.ok ? { reported: values.replyId || 'topic' } : refused(res, 'report', values);
}

async function hide(ctx: ActionContext): Promise<ActionResult> {
  const values = { reason: text(ctx.form, 'reason'), replyId: text(ctx.form, 'replyId') };
  const param = { topicId: topicId(ctx) };
  const res = values.replyId
    ? await ctx.client.topics[':topicId'].replies[':replyId'].hide.$post({
        param: { ...param, replyId: values.replyId },
        json: { reason: values.reason },
      })
    : await ctx.client.topics[':topicId'].hide.$post({ param, json: { reason: values.reason } });
  return res.ok ? { hidden: values.replyId || 'topic' } : refused(res, 'hide', values);
}

async function toMotion(ctx: ActionContext): Promise<ActionResult> {
  const values = {
    meetingId: text(ctx.form, 'meetingId'),
    matterType: text(ctx.form, 'matterType'),
    title: text(ctx.form, 'title'),
  };
  const json = {
    meetingId: values.meetingId,
    matterType: values.matterType as MatterType,
    ...(values.title ? { title: values.title } : {}),
  };
  const res = await ctx.client.topics[':topicId'].motion.$post({ param: { topicId: topicId(ctx) }, json });
  return res.ok
    ? { redirect: pluginPath(PAGES.manage, { meetingId: values.meetingId }) }
    : refused(res, 'toMotion', values);
}

export const topicPage: PluginPage<VotingApi> = {
  component: () => import('./TopicPage.svelte'),
  load: loadTopic,
  actions: { support, reply, report, hide, toMotion },
};

// —— /reports: the moderators' queue ——

async function resolve(ctx: ActionContext): Promise<ActionResult> {
  const reportId = text(ctx.form, 'reportId');
  const res = await ctx.client.reports[':reportId'].resolve.$post({ param: { reportId } });
  return res.ok ? { resolved: reportId } : refused(res, 'resolve', { reportId });
}

export const reportsPage: PluginPage<VotingApi> = {
  component: () => import('./ReportsPage.svelte'),
  load: async ({ client, ok }): Promise<ReportsData> => ({ reports: (await ok(await client.reports.$get())).items }),
  actions: { resolve },
};
