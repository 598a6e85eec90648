import { maskPhone, RegionStaffAddSchema, RegionStaffSchema } from '@city/contracts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { operatorErrors, staffParams as params } from './regions.staff.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/regions/{regionId}/staff',
  tags: ['regions'],
  summary: '任命区划工作人员（按已注册手机号）/ Appoint staff by registered number',
  access: ['operator'],
  request: { params, body: jsonBody(RegionStaffAddSchema) },
  responses: { 201: json(RegionStaffSchema, 'Appointed'), 400: errorResponses[400], ...operatorErrors },
});

export const handler: Handler<typeof route> = async (c) => {
  const staff = await c.get('services').regions.addStaff(c.req.valid('param').regionId, c.req.valid('json').phone);
  return c.json({ ...staff, phone: maskPhone(staff.phone) }, 201);
};
