import { maskPhone, RegionStaffAddSchema, RegionStaffSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { staffParams as params } from './regions.staff.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/regions/{regionId}/staff',
  tags: ['regions'],
  summary: '任命区划工作人员（按已注册手机号）/ Appoint staff by registered number',
  access: ['operator'],
  request: { params, body: jsonBody(RegionStaffAddSchema) },
  responses: { 201: json(RegionStaffSchema, 'Appointed') },
});

export const handler: Handler<typeof route> = async (c) => {
  const staff = await c.get('services').regions.addStaff(c.req.valid('param').regionId, c.req.valid('json').phone);
  return c.json({ ...staff, phone: maskPhone(staff.phone) }, 201);
};
