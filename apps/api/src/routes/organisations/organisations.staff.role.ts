import { OrganisationStaffRoleSchema } from '@city/contracts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { organisationOf, staffParams as params } from './organisations.common.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/organisations/{organisation}/staff/{userId}',
  tags: ['organisations'],
  summary: '修改员工角色 / Change a staff role',
  description: '单位至少保留一名负责人。',
  access: ['org:owner'],
  request: { params, body: jsonBody(OrganisationStaffRoleSchema) },
  errors: [409],
  responses: {
    204: { description: 'Changed' },
  },
});

export const handler: Handler<typeof route> = async (c) => {
  await c
    .get('services')
    .organisations.setRole(organisationOf(c).id, c.req.valid('param').userId, c.req.valid('json').role);
  return c.body(null, 204);
};
