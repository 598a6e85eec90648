import { OrganisationStaffAddSchema, OrganisationStaffSchema } from '@city/contracts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { organisationOf, organisationParams as params, staffView } from './organisations.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/organisations/{organisation}/staff',
  tags: ['organisations'],
  summary: '添加员工（按已注册手机号）/ Add staff by registered number',
  access: ['org:owner'],
  request: { params, body: jsonBody(OrganisationStaffAddSchema) },
  errors: [409],
  responses: {
    201: json(OrganisationStaffSchema, 'Added'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const added = await c.get('services').organisations.addStaff(organisationOf(c).id, c.req.valid('json'));
  return c.json(staffView(added), 201);
};
