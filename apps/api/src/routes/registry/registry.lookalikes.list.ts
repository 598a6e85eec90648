import { LookalikeListSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/lookalikes',
  tags: ['registry'],
  summary:
    '疑似同一人的业主记录（无身份证号、姓名与手机号相同），待确认 / Owner records that look like one person, to confirm',
  access: TENANT_MANAGERS,
  request: { params: tenantParams },
  responses: {
    200: json(LookalikeListSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').lookalikes.list(c.get('tx'));
  return c.json(serialize({ items }), 200);
};
