import { DeliveryFailuresQuerySchema, DeliveryFailuresSchema } from '@city/contracts';
import { deliveryFailures } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

const DAY = 86_400_000;

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/notification-failures',
  tags: ['platform'],
  summary: '各小区发送失败的短信与微信消息（平台运营）/ Failed texts and WeChat messages by neighbourhood (operators)',
  access: ['operator'],
  request: { query: DeliveryFailuresQuerySchema },
  responses: { 200: json(DeliveryFailuresSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { db, clock } = c.get('services');
  const since = new Date(clock.now().getTime() - c.req.valid('query').days * DAY);
  return c.json(serialize({ since, items: await deliveryFailures(db, since) }), 200);
};
