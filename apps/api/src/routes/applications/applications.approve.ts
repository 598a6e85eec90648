import { ApplicationSchema } from '@city/contracts';
import { ApplicationApproveSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { decisionParams } from './applications.decision.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/applications/{applicationId}/approve',
  tags: ['applications'],
  summary: '批准开通：创建小区并任命申请人为管理员 / Approve: create the neighbourhood, applicant becomes admin',
  access: ['region-staff', 'operator'],
  request: { params: decisionParams, body: jsonBody(ApplicationApproveSchema) },
  errors: [409],
  responses: { 200: json(ApplicationSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { applicationId } = c.req.valid('param');
  const approved = await c.get('services').applications.approve(actorOf(c), applicationId, c.req.valid('json').slug);
  return c.json(serialize(approved), 200);
};
