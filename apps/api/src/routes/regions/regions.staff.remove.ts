import { IdSchema } from '@city/contracts';
import { defineRoute, type Handler } from '../../lib/route.ts';
import { operatorErrors, staffParams as params } from './regions.staff.common.ts';

export const route = defineRoute({
  method: 'delete',
  path: '/api/v1/regions/{regionId}/staff/{userId}',
  tags: ['regions'],
  summary: '免去区划工作人员 / Remove a staff member',
  access: ['operator'],
  request: { params: params.extend({ userId: IdSchema }) },
  responses: { 204: { description: 'Removed' }, ...operatorErrors },
});

export const handler: Handler<typeof route> = async (c) => {
  const { regionId, userId } = c.req.valid('param');
  await c.get('services').regions.removeStaff(regionId, userId);
  return c.body(null, 204);
};
