import { OrganisationStaffRoleSchema } from '@city/contracts';
import { defineRoute, errorResponses, jsonBody, type Handler } from '../../lib/route.ts';
import { organisationErrors, organisationOf, staffParams as params } from './organisations.common.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/organisations/{organisation}/staff/{userId}',
  tags: ['organisations'],
  summary: '修改员工角色 / Change a staff role',
  description: '单位至少保留一名负责人。',
  access: ['org:owner'],
  request: { params, body: jsonBody(OrganisationStaffRoleSchema) },
  responses: {
    204: { description: 'Changed' },
    400: errorResponses[400],
    409: errorResponses[409],
    ...organisationErrors,
  },
});

export const handler: Handler<typeof route> = async (c) => {
  await c
    .get('services')
    .organisations.setRole(organisationOf(c).id, c.req.valid('param').userId, c.req.valid('json').role);
  return c.body(null, 204);
};
