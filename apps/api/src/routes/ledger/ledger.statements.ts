import { z } from '@hono/zod-openapi';
import { LedgerStatementSchema, StatementQuerySchema, StatementRangeSchema, TREASURERS } from '@city/contracts';
import {
  beijingDate,
  ledgerStatement,
  periodLabel,
  publishStatement,
  statementFileLinks,
  statementPdf,
  statementXlsx,
} from '@city/core';
import { MEDIA_TYPES } from '@city/documents/sheets';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.ts';
import { downloadHeaders, file } from '../../lib/files.ts';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

/** Without `to`, the current month in China; without `from`, January of `to`'s year (the year so far). */
function monthsOf(c: Context<AppEnv>, query: { from?: string | undefined; to?: string | undefined }) {
  const to = query.to ?? beijingDate(c.get('services').clock.now()).slice(0, 7);
  return { from: query.from ?? `${to.slice(0, 4)}-01`, to };
}

export const statementRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/statement',
  tags: ['ledger'],
  summary: '科目余额表、收支表与资产负债表 / Trial balance, income statement and balance sheet',
  access: ['tenant:member'],
  request: { params: tenantParams, query: StatementQuerySchema },
  responses: { 200: json(LedgerStatementSchema) },
});

export const statementHandler: Handler<typeof statementRoute> = async (c) => {
  const { from, to } = monthsOf(c, c.req.valid('query'));
  return c.json(await ledgerStatement(c.get('tx'), from, to), 200);
};

const FORMATS = { pdf: 'application/pdf', xlsx: MEDIA_TYPES.xlsx } as const;

export const exportRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/statement/export',
  tags: ['ledger'],
  summary: '报表下载（PDF 打印版 / Excel）/ The statements as a printable PDF or a spreadsheet',
  access: ['tenant:member'],
  request: {
    params: tenantParams,
    query: StatementQuerySchema.extend({
      format: z
        .enum(['pdf', 'xlsx'])
        .default('pdf')
        .openapi({ param: { name: 'format', in: 'query' } }),
    }),
  },
  responses: {
    200: {
      description: 'PDF / XLSX',
      content: { ...file(FORMATS.pdf, '').content, ...file(FORMATS.xlsx, '').content },
    },
  },
});

export const exportHandler: Handler<typeof exportRoute> = async (c) => {
  const { format, ...query } = c.req.valid('query');
  const { from, to } = monthsOf(c, query);
  const statement = await ledgerStatement(c.get('tx'), from, to);
  const tenant = c.req.valid('param').tenant;
  const services = c.get('services');
  const bytes =
    format === 'pdf'
      ? await statementPdf(
          statement,
          {
            neighbourhood: c.get('tenant').name,
            url: `${services.publicUrl}/n/${tenant}/ledger`,
            printedAt: services.clock.now(),
          },
          services.fonts,
        )
      : await statementXlsx(statement);
  return c.body(
    bytes,
    200,
    downloadHeaders(
      FORMATS[format],
      `公共收益报表-${periodLabel(from, to)}.${format}`,
      `ledger-${from}-${to}.${format}`,
    ),
  );
};

export const publishRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/statements',
  tags: ['ledger'],
  summary: '将已结账月份的报表发布到公示栏 / Publish the statements of closed months to 公示',
  access: TREASURERS,
  request: { params: tenantParams, body: jsonBody(StatementRangeSchema) },
  responses: { 201: json(z.object({ noticeId: z.uuid() })) },
});

export const publishHandler: Handler<typeof publishRoute> = async (c) => {
  const { from, to } = monthsOf(c, c.req.valid('json'));
  const tenant = c.req.valid('param').tenant;
  const services = c.get('services');
  const statementFile = statementFileLinks(services.publicUrl, tenant, { from, to });
  return c.json(
    await publishStatement(c.get('tx'), auditContext(c), { from, to }, { statementFile }, services.notifications),
    201,
  );
};
