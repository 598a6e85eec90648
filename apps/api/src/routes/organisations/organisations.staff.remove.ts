import { defineRoute, errorResponses, type Handler } from '../../lib/route.ts';
import { organisationErrors, organisationOf, staffParams as params } from './organisations.common.ts';

export const route = defineRoute({
  method: 'delete',
  path: '/api/v1/organisations/{organisation}/staff/{userId}',
  tags: ['organisations'],
  summary: '移除员工 / Remove a staff member',
  description: '单位至少保留一名负责人。',
  access: ['org:owner'],
  request: { params },
  responses: { 204: { description: 'Removed' }, 409: errorResponses[409], ...organisationErrors },
});

export const handler: Handler<typeof route> = async (c) => {
  await c.get('services').organisations.removeStaff(organisationOf(c).id, c.req.valid('param').userId);
  return c.body(null, 204);
};
