import { OwnersChangeSchema, TENANT_MANAGERS, UnitDetailSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { unitParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/registry/units/{unitId}/owners',
  tags: ['registry'],
  summary: '变更房屋业主（保留历史，须说明原因）/ Change a unit’s owners, keeping history',
  access: TENANT_MANAGERS,
  request: { params: unitParams, body: jsonBody(OwnersChangeSchema) },
  errors: [409],
  responses: {
    200: json(UnitDetailSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { owners, reason } = c.req.valid('json');
  const unit = await c
    .get('services')
    .registry.setOwners(c.get('tx'), auditContext(c), c.req.valid('param').unitId, owners, reason);
  return c.json(serialize(unit), 200);
};
