import { PhoneCodeSentSchema } from '@city/contracts';
import { actorOf, requestMeta } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/me/account-deletion/code',
  tags: ['me'],
  summary: '发送注销账号验证码到本人手机 / Text me a code to confirm deleting my account',
  access: ['user'],
  errors: [429],
  responses: { 202: json(PhoneCodeSentSchema, 'Sent') },
});

export const handler: Handler<typeof route> = async (c) => {
  const sent = await c.get('services').personalData.sendDeletionCode(actorOf(c), requestMeta(c));
  return c.json({ expiresAt: sent.expiresAt.toISOString(), resendAfterSeconds: sent.resendAfterSeconds }, 202);
};
