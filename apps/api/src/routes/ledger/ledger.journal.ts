import { z } from '@hono/zod-openapi';
import {
  LedgerAccountInputSchema,
  LedgerAccountSchema,
  LedgerEntryInputSchema,
  LedgerEntrySchema,
  LedgerIncomeInputSchema,
  LedgerPeriodSchema,
  LedgerReversalInputSchema,
  LedgerSettingsSchema,
  PeriodReviewInputSchema,
  PeriodSchema,
  TENANT_MANAGERS,
  TREASURERS,
} from '@city/contracts';
import {
  addLedgerAccount,
  closePeriod,
  ledgerAccounts,
  ledgerEntries,
  ledgerEntry,
  ledgerPeriods,
  ledgerSettings,
  recordIncome,
  recordJournalEntry,
  reverseEntry,
  reviewPeriod,
  saveLedgerSettings,
} from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { entryParams, itemsOf, periodParams } from './ledger.common.ts';

export const settingsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/settings',
  tags: ['ledger'],
  summary: '支出审批规则 / How expenses are approved',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(LedgerSettingsSchema) },
});

export const settingsHandler: Handler<typeof settingsRoute> = async (c) =>
  c.json(await ledgerSettings(c.get('tx')), 200);

export const saveSettingsRoute = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/ledger/settings',
  tags: ['ledger'],
  summary: '设置支出审批规则 / Set how expenses are approved',
  access: TENANT_MANAGERS,
  request: { params: tenantParams, body: jsonBody(LedgerSettingsSchema) },
  responses: { 200: json(LedgerSettingsSchema) },
});

export const saveSettingsHandler: Handler<typeof saveSettingsRoute> = async (c) =>
  c.json(await saveLedgerSettings(c.get('tx'), auditContext(c), c.req.valid('json')), 200);

export const accountsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/accounts',
  tags: ['ledger'],
  summary: '会计科目及余额 / The chart of accounts with balances',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(itemsOf(LedgerAccountSchema)) },
});

export const accountsHandler: Handler<typeof accountsRoute> = async (c) =>
  c.json({ items: await ledgerAccounts(c.get('tx')) }, 200);

export const addAccountRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/accounts',
  tags: ['ledger'],
  summary: '增设科目 / Add an account',
  access: TREASURERS,
  request: { params: tenantParams, body: jsonBody(LedgerAccountInputSchema) },
  responses: { 201: json(LedgerAccountSchema) },
});

export const addAccountHandler: Handler<typeof addAccountRoute> = async (c) =>
  c.json(await addLedgerAccount(c.get('tx'), auditContext(c), c.req.valid('json')), 201);

const EntriesQuerySchema = z.object({
  period: PeriodSchema.optional().openapi({ param: { name: 'period', in: 'query' } }),
  before: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ param: { name: 'before', in: 'query' } }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
});

export const entriesRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/entries',
  tags: ['ledger'],
  summary: '记账凭证（新的在前）/ The journal, newest first',
  access: ['tenant:member'],
  request: { params: tenantParams, query: EntriesQuerySchema },
  responses: { 200: json(z.object({ items: z.array(LedgerEntrySchema), nextBefore: z.int().nullable() })) },
});

export const entriesHandler: Handler<typeof entriesRoute> = async (c) =>
  c.json(await ledgerEntries(c.get('tx'), c.req.valid('query')), 200);

export const entryRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/entries/{ledgerEntryId}',
  tags: ['ledger'],
  summary: '一张凭证及其附件 / One entry and its evidence',
  access: ['tenant:member'],
  request: { params: entryParams },
  responses: { 200: json(LedgerEntrySchema) },
});

export const entryHandler: Handler<typeof entryRoute> = async (c) =>
  c.json(await ledgerEntry(c.get('tx'), c.req.valid('param').ledgerEntryId), 200);

export const journalRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/entries',
  tags: ['ledger'],
  summary: '记一笔分录（借贷须平衡）/ Post a journal entry (debits equal credits)',
  access: TREASURERS,
  request: { params: tenantParams, body: jsonBody(LedgerEntryInputSchema) },
  responses: { 201: json(LedgerEntrySchema) },
});

export const journalHandler: Handler<typeof journalRoute> = async (c) =>
  c.json(await recordJournalEntry(c.get('tx'), auditContext(c), c.req.valid('json')), 201);

export const incomeRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/income',
  tags: ['ledger'],
  summary: '登记收入 / Record income received',
  access: TREASURERS,
  request: { params: tenantParams, body: jsonBody(LedgerIncomeInputSchema) },
  responses: { 201: json(LedgerEntrySchema) },
});

export const incomeHandler: Handler<typeof incomeRoute> = async (c) =>
  c.json(await recordIncome(c.get('tx'), auditContext(c), c.req.valid('json')), 201);

export const reverseRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/entries/{ledgerEntryId}/reversal',
  tags: ['ledger'],
  summary: '冲销一张凭证（红字冲销）/ Reverse an entry',
  access: TREASURERS,
  request: { params: entryParams, body: jsonBody(LedgerReversalInputSchema) },
  responses: { 201: json(LedgerEntrySchema) },
});

export const reverseHandler: Handler<typeof reverseRoute> = async (c) =>
  c.json(
    await reverseEntry(c.get('tx'), auditContext(c), c.req.valid('param').ledgerEntryId, c.req.valid('json')),
    201,
  );

export const periodsRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/periods',
  tags: ['ledger'],
  summary: '各月收支、结账与审核 / Months: income, expenses, closing and review',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(itemsOf(LedgerPeriodSchema)) },
});

export const periodsHandler: Handler<typeof periodsRoute> = async (c) =>
  c.json({ items: await ledgerPeriods(c.get('tx')) }, 200);

export const closeRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/periods/{period}/close',
  tags: ['ledger'],
  summary: '月末结账 / Close a month',
  access: TREASURERS,
  request: { params: periodParams },
  responses: { 200: json(LedgerPeriodSchema) },
});

export const closeHandler: Handler<typeof closeRoute> = async (c) =>
  c.json(await closePeriod(c.get('tx'), auditContext(c), c.req.valid('param').period), 200);

export const reviewRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/periods/{period}/review',
  tags: ['ledger'],
  summary: '业主监督委员会审核已结账月份 / The supervisory committee signs off a closed month',
  access: ['tenant:member'],
  request: { params: periodParams, body: jsonBody(PeriodReviewInputSchema) },
  responses: { 200: json(LedgerPeriodSchema) },
});

export const reviewHandler: Handler<typeof reviewRoute> = async (c) =>
  c.json(await reviewPeriod(c.get('tx'), auditContext(c), c.req.valid('param').period, c.req.valid('json').note), 200);
