import { TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { importList, localizeImport } from './registry-import.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/imports',
  tags: ['registry'],
  summary: '最近的导入 / Recent imports',
  access: TENANT_MANAGERS,
  request: { params: tenantParams },
  responses: { 200: json(importList) },
});

export const handler: Handler<typeof route> = async (c) => {
  const items = await c.get('services').registryImports.list(c.get('tx'));
  return c.json({ items: items.map((view) => localizeImport(view, c.get('locale'))) }, 200);
};
