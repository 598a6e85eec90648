import { z } from '@hono/zod-openapi';
import {
  CommitteeFilingInputSchema,
  CommitteeHealthSchema,
  CommitteeMeetingInputSchema,
  CommitteeMeetingSchema,
  GovernanceSettingsSchema,
  CommitteeTermInputSchema,
  EvaluationInputSchema,
  EvaluationSchema,
  GovernanceSchema,
  IsoDateSchema,
  LedgerDocumentSchema,
  PreparatoryGroupInputSchema,
  TENANT_MANAGERS,
} from '@city/contracts';
import {
  addRegistrationDocument,
  beijingDate,
  committeeEvaluations,
  committeeMeetings,
  governanceSettings,
  recordCommitteeMeeting,
  saveGovernanceSettings,
  evaluateCommittee,
  endCommitteeTerm,
  fileCommitteeTerm,
  formPreparatoryGroup,
  governance,
  recordFirstMeeting,
  startCommitteeTerm,
} from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { documentBody, documentUploadDescription, NameQuerySchema, uploaded } from '../../lib/document-uploads.ts';
import { actorOf, auditContext } from '../../lib/request-meta.ts';
import { createRouter, type Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import * as elections from './elections.ts';

const today = (c: Context<AppEnv>) => beijingDate(c.get('services').clock.now());
const current = async (c: Context<AppEnv>) => governance(c.get('tx'), today(c));

export const governanceRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/governance',
  tags: ['neighbourhood'],
  summary: '筹备组、业主委员会任期与备案 / The preparatory group, the committee’s term and its filing',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(GovernanceSchema) },
});

export const governanceHandler: Handler<typeof governanceRoute> = async (c) => c.json(await current(c), 200);

export const formRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/preparatory-group',
  tags: ['neighbourhood'],
  summary:
    '成立筹备组（单数、业主代表不少于一半、街道代表任组长），名单即时公示 / Form the preparatory group; its list goes to 公示',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(PreparatoryGroupInputSchema) },
  responses: { 201: json(GovernanceSchema) },
});

export const formHandler: Handler<typeof formRoute> = async (c) => {
  await formPreparatoryGroup(c.get('tx'), auditContext(c), c.req.valid('json'), c.get('services').notifications);
  return c.json(await current(c), 201);
};

export const firstMeetingRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/preparatory-group/first-meeting',
  tags: ['neighbourhood'],
  summary: '记录首次业主大会召开 / The first owners’ meeting was held',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(z.object({ heldOn: IsoDateSchema })) },
  responses: { 200: json(GovernanceSchema) },
});

export const firstMeetingHandler: Handler<typeof firstMeetingRoute> = async (c) => {
  await recordFirstMeeting(c.get('tx'), auditContext(c), c.req.valid('json').heldOn);
  return c.json(await current(c), 200);
};

export const termRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/terms',
  tags: ['neighbourhood'],
  summary: '记录新一届业主委员会（5–11人单数，任期不超过5年）/ A new term of the committee as elected',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(CommitteeTermInputSchema) },
  responses: { 201: json(GovernanceSchema) },
});

export const termHandler: Handler<typeof termRoute> = async (c) => {
  await startCommitteeTerm(c.get('tx'), auditContext(c), c.req.valid('json'), c.get('services').notifications);
  return c.json(await current(c), 201);
};

export const filingRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/terms/current/filing',
  tags: ['neighbourhood'],
  summary: '记录备案、民非登记与对公账户 / The filing, the registration and the public account',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(CommitteeFilingInputSchema) },
  responses: { 200: json(GovernanceSchema) },
});

export const filingHandler: Handler<typeof filingRoute> = async (c) => {
  await fileCommitteeTerm(c.get('tx'), auditContext(c), c.req.valid('json'));
  return c.json(await current(c), 200);
};

export const filingDocumentRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/terms/current/documents',
  tags: ['neighbourhood'],
  summary:
    '上传备案回执、民非登记证书或开户许可（最多 10 个）/ Add the filing receipt, registration certificate or account licence',
  description: documentUploadDescription,
  access: TENANT_MANAGERS,
  request: { params: tenantParams, query: NameQuerySchema, body: documentBody },
  errors: [409],
  responses: { 201: json(LedgerDocumentSchema) },
});

export const filingDocumentHandler: Handler<typeof filingDocumentRoute> = async (c) => {
  const upload = () => uploaded(c, c.req.valid('query').name, '备案材料');
  return c.json(await addRegistrationDocument(c.get('tx'), auditContext(c), upload), 201);
};

export const endRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/terms/current/end',
  tags: ['neighbourhood'],
  summary: '记录本届任期结束 / The current term ends',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(z.object({ endedOn: IsoDateSchema })) },
  responses: { 200: json(GovernanceSchema) },
});

export const endHandler: Handler<typeof endRoute> = async (c) => {
  await endCommitteeTerm(c.get('tx'), auditContext(c), c.req.valid('json').endedOn);
  return c.json(await current(c), 200);
};

export const evaluationsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/governance/evaluations',
  tags: ['neighbourhood'],
  summary: '业主监督委员会对业主委员会的考评 / The supervisory committee’s evaluations of the committee',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(z.object({ items: z.array(EvaluationSchema) })) },
});

export const evaluationsHandler: Handler<typeof evaluationsRoute> = async (c) =>
  c.json({ items: await committeeEvaluations(c.get('tx')) }, 200);

export const evaluateRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/evaluations',
  tags: ['neighbourhood'],
  summary: '监督委员会考评业主委员会（逐项打分，即时公示）/ Evaluate the committee; published to 公示',
  access: ['tenant:member'],
  request: { params: tenantParams, body: jsonBody(EvaluationInputSchema) },
  responses: { 201: json(EvaluationSchema) },
});

export const evaluateHandler: Handler<typeof evaluateRoute> = async (c) =>
  c.json(
    await evaluateCommittee(c.get('tx'), auditContext(c), c.req.valid('json'), c.get('services').notifications),
    201,
  );

export const settingsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/governance/settings',
  tags: ['neighbourhood'],
  summary: '业主委员会表决规则 / How the committee decides',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(GovernanceSettingsSchema) },
});

export const settingsHandler: Handler<typeof settingsRoute> = async (c) =>
  c.json(await governanceSettings(c.get('tx')), 200);

export const saveSettingsRoute = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/governance/settings',
  tags: ['neighbourhood'],
  summary: '设置业主委员会表决规则（半数以上 / 过半数）/ Set how the committee decides',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(GovernanceSettingsSchema) },
  responses: { 200: json(GovernanceSettingsSchema) },
});

export const saveSettingsHandler: Handler<typeof saveSettingsRoute> = async (c) =>
  c.json(await saveGovernanceSettings(c.get('tx'), auditContext(c), c.req.valid('json')), 200);

export const meetingsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/governance/meetings',
  tags: ['neighbourhood'],
  summary: '业主委员会会议与决定 / The committee’s meetings and decisions',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(z.object({ items: z.array(CommitteeMeetingSchema) })) },
});

export const meetingsHandler: Handler<typeof meetingsRoute> = async (c) =>
  c.json({ items: await committeeMeetings(c.get('tx')) }, 200);

export const recordMeetingRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/governance/meetings',
  tags: ['neighbourhood'],
  summary:
    '记录业主委员会会议（出席过半数，按全体委员计票），纪要即时公示 / Record a committee meeting; its minutes go to 公示',
  access: ['tenant:admin', 'tenant:committee'],
  request: { params: tenantParams, body: jsonBody(CommitteeMeetingInputSchema) },
  responses: { 201: json(CommitteeMeetingSchema) },
});

export const recordMeetingHandler: Handler<typeof recordMeetingRoute> = async (c) =>
  c.json(
    await recordCommitteeMeeting(c.get('tx'), auditContext(c), c.req.valid('json'), c.get('services').notifications),
    201,
  );

export const healthRoute = defineRoute({
  method: 'get',
  path: '/api/v1/supervision/committees',
  tags: ['supervision'],
  summary:
    '辖区各小区的筹备组时限、业委会备案、任期与空缺（只读）/ Each neighbourhood’s preparatory clock, filing, term and vacancies',
  access: ['region-staff', 'operator'],
  responses: { 200: json(z.object({ items: z.array(CommitteeHealthSchema) })) },
});

export const healthHandler: Handler<typeof healthRoute> = async (c) =>
  c.json({ items: await c.get('services').committeeHealth.list(actorOf(c)) }, 200);

/** The owners' bodies through their lifecycle: 筹备组, terms, 备案; and what supervisors see of them. */
export const governanceRoutes = createRouter()
  .openapi(governanceRoute, governanceHandler)
  .openapi(formRoute, formHandler)
  .openapi(firstMeetingRoute, firstMeetingHandler)
  .openapi(termRoute, termHandler)
  .openapi(filingRoute, filingHandler)
  .openapi(filingDocumentRoute, filingDocumentHandler)
  .openapi(endRoute, endHandler)
  .openapi(elections.listRoute, elections.listHandler)
  .openapi(elections.applyRoute, elections.applyHandler)
  .openapi(elections.dismissRoute, elections.dismissHandler)
  .openapi(evaluationsRoute, evaluationsHandler)
  .openapi(evaluateRoute, evaluateHandler)
  .openapi(settingsRoute, settingsHandler)
  .openapi(saveSettingsRoute, saveSettingsHandler)
  .openapi(meetingsRoute, meetingsHandler)
  .openapi(recordMeetingRoute, recordMeetingHandler)
  .openapi(healthRoute, healthHandler);
