import { OwnersChangeSchema, TENANT_MANAGERS, UnitDetailSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, jsonBody, type Handler } from '../../lib/route.ts';
import { serialize } from '../../lib/serialize.ts';
import { unitParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/registry/units/{unitId}/owners',
  tags: ['registry'],
  summary: '变更房屋业主（保留历史，须说明原因）/ Change a unit’s owners, keeping history',
  access: TENANT_MANAGERS,
  request: { params: unitParams, body: jsonBody(OwnersChangeSchema) },
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
  const { owners, reason } = c.req.valid('json');
  const unit = await c
    .get('services')
    .registry.setOwners(c.get('tx'), auditContext(c), c.req.valid('param').unitId, owners, reason);
  return c.json(serialize(unit), 200);
};
