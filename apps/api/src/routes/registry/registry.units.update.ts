import { TENANT_MANAGERS, UnitDetailSchema, UnitUpdateSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { unitParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'patch',
  path: '/api/v1/t/{tenant}/registry/units/{unitId}',
  tags: ['registry'],
  summary: '修改房屋信息 / Edit a unit',
  access: TENANT_MANAGERS,
  request: { params: unitParams, body: jsonBody(UnitUpdateSchema) },
  responses: {
    200: json(UnitDetailSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const unit = await c
    .get('services')
    .registry.updateUnit(c.get('tx'), auditContext(c), c.req.valid('param').unitId, c.req.valid('json'));
  return c.json(serialize(unit), 200);
};
