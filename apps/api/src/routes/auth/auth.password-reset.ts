import { PasswordResetSchema, SessionIssuedSchema } from '@city/contracts';
import { requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { issueSession } from './session-response.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/password-reset',
  tags: ['auth'],
  summary: '通过短信验证码重设密码 / Reset the password with an SMS code',
  description: '成功后其他会话全部失效。Every other session is signed out.',
  access: ['public'],
  request: { body: jsonBody(PasswordResetSchema) },
  responses: { 200: json(SessionIssuedSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const session = await c.get('services').accounts.resetPassword(c.req.valid('json'), requestMeta(c));
  return c.json(await issueSession(c, session), 200);
};
