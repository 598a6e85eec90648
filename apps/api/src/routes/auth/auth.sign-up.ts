import { SessionIssuedSchema, SignUpSchema } from '@city/contracts';
import { requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { issueSession } from './session-response.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/sign-up',
  tags: ['auth'],
  summary: '手机号注册 / Sign up with a confirmed mobile number',
  access: ['public'],
  request: { body: jsonBody(SignUpSchema) },
  errors: [409],
  responses: { 201: json(SessionIssuedSchema, 'Signed up') },
});

export const handler: Handler<typeof route> = async (c) => {
  const session = await c.get('services').accounts.signUp(c.req.valid('json'), requestMeta(c));
  return c.json(await issueSession(c, session), 201);
};
