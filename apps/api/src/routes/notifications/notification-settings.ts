import { NeighbourhoodNotificationSettingsSchema, NotificationSettingsInputSchema } from '@city/contracts';
import { notificationSettings, saveNotificationSettings } from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/notification-settings',
  tags: ['neighbourhood'],
  summary: '本小区的消息设置、群发进度与发送失败 / Notifications here: kinds, fan-out progress, failures',
  access: ['tenant:admin'],
  request: { params: tenantParams },
  responses: { 200: json(NeighbourhoodNotificationSettingsSchema) },
});

export const getHandler: Handler<typeof getRoute> = async (c) => {
  const settings = await notificationSettings(c.get('tx'), c.get('services').notifications.kinds, c.get('locale'));
  return c.json(serialize(settings), 200);
};

export const putRoute = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/notification-settings',
  tags: ['neighbourhood'],
  summary: '开关本小区的消息类型、设置保留天数 / Turn kinds on or off here, keep items so many days',
  access: ['tenant:admin'],
  request: { params: tenantParams, body: jsonBody(NotificationSettingsInputSchema) },
  responses: { 200: json(NeighbourhoodNotificationSettingsSchema) },
});

export const putHandler: Handler<typeof putRoute> = async (c) => {
  const { kinds } = c.get('services').notifications;
  await saveNotificationSettings(c.get('tx'), auditContext(c), kinds, c.req.valid('json'));
  return c.json(serialize(await notificationSettings(c.get('tx'), kinds, c.get('locale'))), 200);
};
