import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { verificationList } from './verification.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/my/units',
  tags: ['verification'],
  summary: '我的房屋：我在本小区的认证与申请 / My units: my verifications and requests here',
  access: ['tenant:visitor'],
  request: { params: tenantParams },
  responses: { 200: json(verificationList) },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').verification.mine(c.get('tx'), actorOf(c).id);
  return c.json(serialize({ items }), 200);
};
