import { ImportUploadQuerySchema, RegistryImportSchema, TENANT_MANAGERS } from '@city/contracts';
import { file } from '../../lib/files.ts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { localizeImport } from './registry-import.common.ts';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/registry/imports',
  tags: ['registry'],
  summary: '上传房屋登记表（CSV 或 XLSX）并逐行校验 / Upload a registry file (CSV or XLSX) and validate it row by row',
  description:
    '请求体为文件本身（最大20 MB）。校验通过后状态为 ready，再调用 apply 导入。The body is the file itself (20 MB at most).',
  access: TENANT_MANAGERS,
  request: {
    params: tenantParams,
    query: ImportUploadQuerySchema,
    body: { required: true, content: file('application/octet-stream', '').content },
  },
  responses: {
    201: json(
      RegistryImportSchema,
      '校验结果（invalid 时含逐行错误）/ The validation result, with row-by-row errors when invalid',
    ),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const view = await c
    .get('services')
    .registryImports.validate(c.get('tx'), auditContext(c), { name: c.req.valid('query').fileName, bytes });
  return c.json(localizeImport(view, c.get('locale')), 201);
};
