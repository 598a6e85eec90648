import { AccountDeletedSchema, AccountDeletionSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { dispatchAfterCommit } from '../../plugin-runtime/dispatch-after-commit.ts';
import { clearSessionCookie } from '../auth/session-response.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/me/account-deletion',
  tags: ['me'],
  summary: '注销我的账号 / Delete my account',
  description:
    '《个人信息保护法》第四十七条。须再次输入密码或短信验证码。姓名改为化名，手机号、身份证号摘要、会话与成员资格删除；法律要求保存的记录（选票及其链、审计记录、订单金额、产权登记）以化名保留（docs/domain.md §5.5）。PIPL art. 47: confirmed by the password or a texted code; personal fields are erased or replaced by a pseudonym, records the law requires to keep stay under it.',
  access: ['user'],
  request: { body: jsonBody(AccountDeletionSchema) },
  errors: [409],
  limit: { bucket: 'account-deletion', max: 5, windowMs: 15 * 60 * 1000 },
  responses: { 200: json(AccountDeletedSchema, 'Deleted') },
});

export const handler: Handler<typeof route> = async (c) => {
  const { personalData, pluginRuntime } = c.get('services');
  const erased = await personalData.erase(actorOf(c), c.req.valid('json'), pluginRuntime.personalData);
  for (const tenantId of erased.tenantIds) dispatchAfterCommit(c, c.get('services'), tenantId);
  clearSessionCookie(c);
  return c.json({ pseudonym: erased.pseudonym, erasedAt: erased.erasedAt.toISOString() }, 200);
};
