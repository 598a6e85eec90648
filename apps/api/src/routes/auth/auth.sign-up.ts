import { SessionIssuedSchema, SignUpSchema } from '@city/contracts';
import { requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { issueSession } from './session-response.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/sign-up',
  tags: ['auth'],
  summary: '手机号注册 / Sign up with a confirmed mobile number',
  access: ['public'],
  request: { body: jsonBody(SignUpSchema) },
  responses: { 201: json(SessionIssuedSchema, 'Signed up'), 400: errorResponses[400], 409: errorResponses[409] },
});

export const handler: Handler<typeof route> = async (c) => {
  const session = await c.get('services').accounts.signUp(c.req.valid('json'), requestMeta(c));
  return c.json(await issueSession(c, session), 201);
};
