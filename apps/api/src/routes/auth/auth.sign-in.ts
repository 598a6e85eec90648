import { SessionIssuedSchema, SignInSchema } from '@city/contracts';
import { requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { issueSession } from './session-response.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/sign-in',
  tags: ['auth'],
  summary: '登录 / Sign in',
  description: '每个手机号和每个 IP 均有频率限制。Rate-limited per number and per IP.',
  access: ['public'],
  request: { body: jsonBody(SignInSchema) },
  errors: [401, 429],
  responses: {
    200: json(SessionIssuedSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const session = await c.get('services').accounts.signIn(c.req.valid('json'), requestMeta(c));
  return c.json(await issueSession(c, session), 200);
};
