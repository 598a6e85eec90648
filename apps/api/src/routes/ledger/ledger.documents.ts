import { AuditPeriodSchema, AuditReportSchema, IdSchema, LedgerDocumentSchema, TREASURERS } from '@city/contracts';
import { addAuditReport, addEvidence, auditReports, ledgerDocument } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import { uploadHeaders } from '@city/plugin-sdk/server';
import { documentBody, documentUploadDescription, NameQuerySchema, uploaded } from '../../lib/document-uploads.ts';
import { file } from '../../lib/files.ts';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { entryParams, expenseParams, itemsOf } from './ledger.common.ts';

export const entryEvidenceRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/entries/{ledgerEntryId}/documents',
  tags: ['ledger'],
  summary: '为凭证添加附件（发票、合同、照片，最多 10 个）/ Add evidence to an entry (10 at most)',
  description: documentUploadDescription,
  access: TREASURERS,
  request: { params: entryParams, query: NameQuerySchema, body: documentBody },
  errors: [409],
  responses: { 201: json(LedgerDocumentSchema) },
});

export const entryEvidenceHandler: Handler<typeof entryEvidenceRoute> = async (c) => {
  const { ledgerEntryId } = c.req.valid('param');
  const upload = () => uploaded(c, c.req.valid('query').name, '凭证附件');
  return c.json(await addEvidence(c.get('tx'), auditContext(c), { entryId: ledgerEntryId }, upload), 201);
};

export const expenseEvidenceRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/expenses/{expenseId}/documents',
  tags: ['ledger'],
  summary: '为支出添加附件（报价单、合同，最多 10 个）/ Add a quote or a contract to an expense (10 at most)',
  description: documentUploadDescription,
  access: TREASURERS,
  request: { params: expenseParams, query: NameQuerySchema, body: documentBody },
  errors: [409],
  responses: { 201: json(LedgerDocumentSchema) },
});

export const expenseEvidenceHandler: Handler<typeof expenseEvidenceRoute> = async (c) => {
  const { expenseId } = c.req.valid('param');
  const upload = () => uploaded(c, c.req.valid('query').name, '支出附件');
  return c.json(await addEvidence(c.get('tx'), auditContext(c), { expenseId }, upload), 201);
};

export const auditReportsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/audit-reports',
  tags: ['ledger'],
  summary: '第三方审计报告 / Third-party audit reports',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(itemsOf(AuditReportSchema)) },
});

export const auditReportsHandler: Handler<typeof auditReportsRoute> = async (c) =>
  c.json({ items: await auditReports(c.get('tx')) }, 200);

export const addAuditReportRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/audit-reports',
  tags: ['ledger'],
  summary: '上传第三方审计报告并公示 / Add a third-party audit report; it is published to 公示',
  description: documentUploadDescription,
  access: TREASURERS,
  request: {
    params: tenantParams,
    query: NameQuerySchema.extend({ period: AuditPeriodSchema.openapi({ param: { name: 'period', in: 'query' } }) }),
    body: documentBody,
  },
  responses: { 201: json(AuditReportSchema.extend({ noticeId: IdSchema })) },
});

export const addAuditReportHandler: Handler<typeof addAuditReportRoute> = async (c) => {
  const { period, name } = c.req.valid('query');
  const upload = await uploaded(c, name, `审计报告-${period}`);
  const tenant = c.req.valid('param').tenant;
  const services = c.get('services');
  const document = (id: string) => `${services.publicUrl}/api/v1/t/${tenant}/ledger/documents/${id}`;
  return c.json(
    await addAuditReport(c.get('tx'), auditContext(c), period, upload, { document }, services.notifications),
    201,
  );
};

export const documentRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/documents/{ledgerDocumentId}',
  tags: ['ledger'],
  summary: '账目附件或审计报告 / A piece of evidence or an audit report',
  access: ['tenant:member'],
  request: { params: tenantParams.extend({ ledgerDocumentId: IdSchema }) },
  responses: { 200: file('application/pdf', 'PDF, JPEG, PNG or WebP') },
});

export const documentHandler: Handler<typeof documentRoute> = async (c) => {
  const { ledgerDocumentId } = c.req.valid('param');
  const document = await ledgerDocument(c.get('tx'), ledgerDocumentId);
  return c.body(new Uint8Array(document.bytes), 200, uploadHeaders(document.contentType, `ledger-${ledgerDocumentId}`));
};
