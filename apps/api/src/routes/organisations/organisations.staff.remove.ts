import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { organisationOf, staffParams as params } from './organisations.common.ts';

export const route = defineRoute({
  method: 'delete',
  path: '/api/v1/organisations/{organisation}/staff/{userId}',
  tags: ['organisations'],
  summary: '移除员工 / Remove a staff member',
  description: '单位至少保留一名负责人。',
  access: ['org:owner'],
  request: { params },
  errors: [409],
  responses: { 204: { description: 'Removed' } },
});

export const handler: Handler<typeof route> = async (c) => {
  await c.get('services').organisations.removeStaff(organisationOf(c).id, c.req.valid('param').userId);
  return c.body(null, 204);
};
