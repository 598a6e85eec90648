import { TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { marketplaceList } from './plugins.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/plugins',
  tags: ['plugins'],
  summary: '插件市场：可用插件与本小区的安装情况 / The marketplace: plugins and this neighbourhood’s installs',
  access: TENANT_MANAGERS,
  request: { params: tenantParams },
  responses: {
    200: json(marketplaceList),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').pluginRuntime.installs.marketplace(c.get('tx'));
  return c.json(serialize({ items }), 200);
};
