import { REGISTRY_READERS, UnitDetailSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { unitParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/units/{unitId}',
  tags: ['registry'],
  summary: '房屋详情：面积来源、业主及历史、非业主住户 / A unit with owner history and residents',
  access: REGISTRY_READERS,
  request: { params: unitParams },
  responses: {
    200: json(UnitDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const unit = await c.get('services').registry.unit(c.get('tx'), c.req.valid('param').unitId);
  return c.json(serialize(unit), 200);
};
