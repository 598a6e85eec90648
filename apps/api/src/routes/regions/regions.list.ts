import { z } from '@hono/zod-openapi';
import { RegionSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/regions',
  tags: ['regions'],
  summary: '行政区划（区、街道、社区）/ The administrative tree',
  description: '公开：申请开通小区时选择所属社区。Public: applicants pick their community from it.',
  access: ['public'],
  responses: { 200: json(z.object({ items: z.array(RegionSchema) })) },
});

export const handler: Handler<typeof route> = async (c) => {
  return c.json({ items: await c.get('services').regions.list() }, 200);
};
