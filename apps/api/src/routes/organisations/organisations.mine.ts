import { z } from '@hono/zod-openapi';
import { OrganisationSchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/organisations',
  tags: ['organisations'],
  summary: '我所在的服务单位 / Businesses I act for',
  access: ['user'],
  responses: { 200: json(z.object({ items: z.array(OrganisationSchema) })) },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').organisations.mine(actorOf(c).id);
  return c.json({ items: serialize(items) }, 200);
};
