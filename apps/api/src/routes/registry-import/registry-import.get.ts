import { RegistryImportSchema, TENANT_MANAGERS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { importParams, localizeImport } from './registry-import.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/imports/{importId}',
  tags: ['registry'],
  summary: '导入状态、进度与错误报告 / An import’s status, progress and error report',
  access: TENANT_MANAGERS,
  request: { params: importParams },
  responses: {
    200: json(RegistryImportSchema),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const view = await c.get('services').registryImports.get(c.get('tx'), c.req.valid('param').importId);
  return c.json(localizeImport(view, c.get('locale')), 200);
};
