import { RegistryImportSchema, TENANT_MANAGERS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, errorResponses, json, type Handler } from '../../lib/route.ts';
import { importParams, localizeImport } from './registry-import.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/imports/{importId}/apply',
  tags: ['registry'],
  summary:
    '执行已校验的导入（后台一次事务，全部成功或全部不变）/ Apply a validated import: one background transaction, all or nothing',
  access: TENANT_MANAGERS,
  request: { params: importParams },
  responses: {
    202: json(RegistryImportSchema, '已开始，轮询查看进度 / Started; poll for progress'),
    401: errorResponses[401],
    403: errorResponses[403],
    404: errorResponses[404],
    409: errorResponses[409],
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
