import { ExportQuerySchema, TENANT_MANAGERS } from '@city/contracts';
import { MEDIA_TYPES } from '@city/documents/sheets';
import { downloadHeaders, file } from '../../lib/files.ts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/registry/export',
  tags: ['registry'],
  summary:
    '导出房屋登记表（与导入模板同列，个人信息脱敏，记入审计）/ Export the registry in the import columns, personal data masked, audited',
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
  const context = auditContext(c);
  const bytes = await c.get('services').registryImports.export(c.get('tx'), context, format);
  const tenant = c.get('tenant');
  const day = context.at.toISOString().slice(0, 10);
  return c.body(
    bytes,
    200,
    downloadHeaders(
      MEDIA_TYPES[format],
      `${tenant.name}-房屋登记-${day}.${format}`,
      `registry-${tenant.slug}-${day}.${format}`,
    ),
  );
};
