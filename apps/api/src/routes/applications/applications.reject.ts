import { ApplicationSchema } from '@city/contracts';
import { ApplicationRejectSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { decisionParams } from './applications.decision.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/applications/{applicationId}/reject',
  tags: ['applications'],
  summary: '驳回开通申请（须填写理由）/ Reject with a reason',
  access: ['region-staff', 'operator'],
  request: { params: decisionParams, body: jsonBody(ApplicationRejectSchema) },
  errors: [409],
  responses: { 200: json(ApplicationSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { applicationId } = c.req.valid('param');
  const rejected = await c.get('services').applications.reject(actorOf(c), applicationId, c.req.valid('json').reason);
  return c.json(serialize(rejected), 200);
};
