import { PhoneCodeRequestSchema, PhoneCodeSentSchema } from '@city/contracts';
import { requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/phone-codes',
  tags: ['auth'],
  summary: '发送短信验证码 / Send a one-time code by SMS',
  access: ['public'],
  request: { body: jsonBody(PhoneCodeRequestSchema) },
  errors: [409, 429],
  responses: {
    202: json(PhoneCodeSentSchema, 'Sent'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { phone, purpose } = c.req.valid('json');
  const sent = await c.get('services').accounts.sendCode(phone, purpose, requestMeta(c));
  return c.json({ expiresAt: sent.expiresAt.toISOString(), resendAfterSeconds: sent.resendAfterSeconds }, 202);
};
