import { MyNotificationSettingsSchema, WechatBindingSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';

/**
 * The mini-program binds the WeChat account it signed in with: it calls `wx.login()`, sends the code here, and the
 * kinds the person routes to WeChat reach that account (subscription messages, 订阅消息).
 */
export const putRoute = defineRoute({
  method: 'put',
  path: '/api/v1/me/wechat',
  tags: ['me'],
  summary: '绑定微信（小程序登录凭证）/ Bind WeChat with the mini-program’s sign-in code',
  access: ['user'],
  request: { body: jsonBody(WechatBindingSchema) },
  responses: { 200: json(MyNotificationSettingsSchema) },
});

export const putHandler: Handler<typeof putRoute> = async (c) =>
  c.json(await c.get('services').inbox.bindWechat(actorOf(c).id, c.get('locale'), c.req.valid('json').code), 200);

export const deleteRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/me/wechat',
  tags: ['me'],
  summary: '解除微信绑定 / Unbind WeChat',
  access: ['user'],
  responses: { 200: json(MyNotificationSettingsSchema) },
});

export const deleteHandler: Handler<typeof deleteRoute> = async (c) =>
  c.json(await c.get('services').inbox.unbindWechat(actorOf(c).id, c.get('locale')), 200);
