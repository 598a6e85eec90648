import { RegistryImportSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { importParams, localizeImport } from './registry-import.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/imports/{importId}/apply',
  tags: ['registry'],
  summary:
    '执行已校验的导入（后台一次事务，全部成功或全部不变）/ Apply a validated import: one background transaction, all or nothing',
  access: TENANT_MANAGERS,
  request: { params: importParams },
  errors: [409],
  responses: {
    202: json(RegistryImportSchema, '已开始，轮询查看进度 / Started; poll for progress'),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const defer = (work: Promise<void>) => {
    // Edge runtimes end a request's work with its response unless told to wait; Node keeps it running.
    try {
      c.executionCtx.waitUntil(work);
    } catch {
      void work;
    }
  };
  const view = await c
    .get('services')
    .registryImports.start(c.get('tx'), auditContext(c), c.req.valid('param').importId, defer);
  return c.json(localizeImport(view, c.get('locale')), 202);
};
