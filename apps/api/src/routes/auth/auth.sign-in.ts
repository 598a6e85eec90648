import { SessionIssuedSchema, SignInSchema } from '@city/contracts';
import { requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { issueSession } from './session-response.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/sign-in',
  tags: ['auth'],
  summary: '登录 / Sign in',
  description: '每个手机号和每个 IP 均有频率限制。Rate-limited per number and per IP.',
  access: ['public'],
  request: { body: jsonBody(SignInSchema) },
  responses: {
    200: json(SessionIssuedSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    429: errorResponses[429],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const session = await c.get('services').accounts.signIn(c.req.valid('json'), requestMeta(c));
  return c.json(await issueSession(c, session), 200);
};
