import { TENANT_MANAGERS, UnitDetailSchema, UnitInputSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/units',
  tags: ['registry'],
  summary: '新增房屋 / Add a unit',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(UnitInputSchema) },
  responses: {
    201: json(UnitDetailSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const unit = await c.get('services').registry.createUnit(c.get('tx'), auditContext(c), c.req.valid('json'));
  return c.json(serialize(unit), 201);
};
