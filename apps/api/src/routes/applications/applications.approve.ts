import { z } from '@hono/zod-openapi';
import { ApplicationApproveSchema, ApplicationSchema, IdSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/applications/{applicationId}/approve',
  tags: ['applications'],
  summary: '批准开通：创建小区并任命申请人为管理员 / Approve: create the neighbourhood, applicant becomes admin',
  access: ['region-staff', 'operator'],
  request: { params: z.object({ applicationId: IdSchema }), body: jsonBody(ApplicationApproveSchema) },
  responses: {
    200: json(ApplicationSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { applicationId } = c.req.valid('param');
  const approved = await c.get('services').applications.approve(actorOf(c), applicationId, c.req.valid('json').slug);
  return c.json(serialize(approved), 200);
};
