import { z } from '@hono/zod-openapi';
import { ApplicationRejectSchema, ApplicationSchema, IdSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/applications/{applicationId}/reject',
  tags: ['applications'],
  summary: '驳回开通申请（须填写理由）/ Reject with a reason',
  access: ['region-staff', 'operator'],
  request: { params: z.object({ applicationId: IdSchema }), body: jsonBody(ApplicationRejectSchema) },
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
  const rejected = await c.get('services').applications.reject(actorOf(c), applicationId, c.req.valid('json').reason);
  return c.json(serialize(rejected), 200);
};
