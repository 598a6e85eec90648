import { PhoneCodeRequestSchema, PhoneCodeSentSchema } from '@city/contracts';
import { requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/auth/phone-codes',
  tags: ['auth'],
  summary: '发送短信验证码 / Send a one-time code by SMS',
  description:
    '注册与否答复相同：已注册的号码收到“已有账号”的短信而非验证码。' +
    'Answers alike for registered and new numbers: a registered number is texted that it already has an account.',
  access: ['public'],
  request: { body: jsonBody(PhoneCodeRequestSchema) },
  // A text that could not be sent (the carrier refused or is unreachable) is a 503 `sms_unavailable`.
  errors: [429, 503],
  responses: {
    202: json(PhoneCodeSentSchema, 'Sent'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { phone, purpose } = c.req.valid('json');
  const sent = await c.get('services').accounts.sendCode(phone, purpose, requestMeta(c));
  return c.json({ expiresAt: sent.expiresAt.toISOString(), resendAfterSeconds: sent.resendAfterSeconds }, 202);
};
