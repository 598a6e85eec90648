import { TENANT_MANAGERS, UnitDetailSchema, UnitUpdateSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { unitParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'patch',
  path: '/api/v1/t/{tenant}/registry/units/{unitId}',
  tags: ['registry'],
  summary: '修改房屋信息 / Edit a unit',
  access: TENANT_MANAGERS,
  request: { params: unitParams, body: jsonBody(UnitUpdateSchema) },
  errors: [409],
  responses: {
    200: json(UnitDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const unit = await c
    .get('services')
    .registry.updateUnit(c.get('tx'), auditContext(c), c.req.valid('param').unitId, c.req.valid('json'));
  return c.json(serialize(unit), 200);
};
