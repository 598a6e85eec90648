import { IdSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { pluginParams } from './plugins.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/plugins/{pluginId}/deliveries/{deliveryId}/retry',
  tags: ['plugins'],
  summary: '立即重发一条未送达的事件 / Send an undelivered event again now',
  access: TENANT_MANAGERS,
  request: { params: pluginParams.extend({ deliveryId: IdSchema }) },
  responses: {
    202: { description: '已排队 / Queued' },
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { pluginId, deliveryId } = c.req.valid('param');
  await c.get('services').pluginRuntime.dispatcher.retry(c.get('tx'), auditContext(c), pluginId, deliveryId);
  return c.body(null, 202);
};
