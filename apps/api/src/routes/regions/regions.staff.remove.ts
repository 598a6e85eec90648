import { IdSchema } from '@city/contracts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { staffParams as params } from './regions.staff.common.ts';

export const route = defineRoute({
  method: 'delete',
  path: '/api/v1/regions/{regionId}/staff/{userId}',
  tags: ['regions'],
  summary: '免去区划工作人员 / Remove a staff member',
  access: ['operator'],
  request: { params: params.extend({ userId: IdSchema }) },
  responses: { 204: { description: 'Removed' } },
});

export const handler: Handler<typeof route> = async (c) => {
  const { regionId, userId } = c.req.valid('param');
  await c.get('services').regions.removeStaff(regionId, userId);
  return c.body(null, 204);
};
