import { ExportQuerySchema, TENANT_MANAGERS } from '@city/contracts';
import { templateTable } from '@city/core';
import { MEDIA_TYPES, writeTable } from '@city/documents/sheets';
import { downloadHeaders, file } from '../../lib/files.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/template',
  tags: ['registry'],
  summary: '房屋登记导入模板 / The registry import template',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, query: ExportQuerySchema },
  responses: {
    200: {
      description: 'CSV / XLSX',
      content: { ...file(MEDIA_TYPES.csv, '').content, ...file(MEDIA_TYPES.xlsx, '').content },
    },
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { format } = c.req.valid('query');
  const bytes = await writeTable(templateTable(), format, '房屋登记');
  return c.body(
    bytes,
    200,
    downloadHeaders(MEDIA_TYPES[format], `房屋登记导入模板.${format}`, `registry-template.${format}`),
  );
};
