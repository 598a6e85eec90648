import { z } from '@hono/zod-openapi';
import { maskPhone, RegionStaffSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { staffParams as params } from './regions.staff.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/regions/{regionId}/staff',
  tags: ['regions'],
  summary: '区划工作人员 / Staff of a region',
  access: ['operator'],
  request: { params },
  responses: { 200: json(z.object({ items: z.array(RegionStaffSchema) })) },
});

export const handler: Handler<typeof route> = async (c) => {
  const staff = await c.get('services').regions.listStaff(c.req.valid('param').regionId);
  return c.json({ items: staff.map((s) => ({ ...s, phone: maskPhone(s.phone) })) }, 200);
};
