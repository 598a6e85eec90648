import { BuildingCreateSchema, BuildingSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/buildings',
  tags: ['registry'],
  summary: '新增楼栋 / Add a building',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(BuildingCreateSchema) },
  responses: {
    201: json(BuildingSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const building = await c
    .get('services')
    .registry.createBuilding(c.get('tx'), auditContext(c), c.req.valid('json').name);
  return c.json(serialize(building), 201);
};
