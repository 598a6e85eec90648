import { BuildingCreateSchema, BuildingSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/buildings',
  tags: ['registry'],
  summary: '新增楼栋 / Add a building',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(BuildingCreateSchema) },
  errors: [409],
  responses: {
    201: json(BuildingSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const building = await c
    .get('services')
    .registry.createBuilding(c.get('tx'), auditContext(c), c.req.valid('json').name);
  return c.json(serialize(building), 201);
};
