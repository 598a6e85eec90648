import { MyNotificationSettingsSchema, NotificationPreferencesSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { actorOf } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';

export const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/me/notification-settings',
  tags: ['me'],
  summary: '我的通知设置：各类消息的渠道、免打扰时段、每日汇总 / My notification settings',
  access: ['user'],
  responses: { 200: json(MyNotificationSettingsSchema) },
});

export const getHandler: Handler<typeof getRoute> = async (c) =>
  c.json(await c.get('services').inbox.settings(actorOf(c).id, c.get('locale')), 200);

export const putRoute = defineRoute({
  method: 'put',
  path: '/api/v1/me/notification-settings',
  tags: ['me'],
  summary: '保存我的通知设置 / Save my notification settings',
  access: ['user'],
  request: { body: jsonBody(NotificationPreferencesSchema) },
  responses: { 200: json(MyNotificationSettingsSchema) },
});

export const putHandler: Handler<typeof putRoute> = async (c) =>
  c.json(await c.get('services').inbox.savePreferences(actorOf(c).id, c.get('locale'), c.req.valid('json')), 200);
