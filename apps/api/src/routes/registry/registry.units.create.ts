import { TENANT_MANAGERS, UnitDetailSchema, UnitInputSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/units',
  tags: ['registry'],
  summary: '新增房屋 / Add a unit',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(UnitInputSchema) },
  errors: [409],
  responses: {
    201: json(UnitDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const unit = await c.get('services').registry.createUnit(c.get('tx'), auditContext(c), c.req.valid('json'));
  return c.json(serialize(unit), 201);
};
