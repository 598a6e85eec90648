import { z } from '@hono/zod-openapi';
import {
  EXPENSE_STATUSES,
  ExpenseInputSchema,
  ExpensePaymentInputSchema,
  ExpenseSchema,
  ExpenseSignatureInputSchema,
  TREASURERS,
} from '@city/contracts';
import { ledgerExpense, ledgerExpenses, payExpense, proposeExpense, signExpense, withdrawExpense } from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { expenseParams, itemsOf } from './ledger.common.ts';

export const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/expenses',
  tags: ['ledger'],
  summary: '支出及其审批（新的在前）/ Expenses and their approvals, newest first',
  access: ['tenant:member'],
  request: {
    params: tenantParams,
    query: z.object({
      status: z
        .enum(EXPENSE_STATUSES)
        .optional()
        .openapi({ param: { name: 'status', in: 'query' } }),
    }),
  },
  responses: { 200: json(itemsOf(ExpenseSchema)) },
});

export const listHandler: Handler<typeof listRoute> = async (c) =>
  c.json({ items: await ledgerExpenses(c.get('tx'), c.req.valid('query')) }, 200);

export const proposeRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/expenses',
  tags: ['ledger'],
  summary: '提议一笔支出 / Propose an expense',
  access: TREASURERS,
  request: { params: tenantParams, body: jsonBody(ExpenseInputSchema) },
  responses: { 201: json(ExpenseSchema) },
});

export const proposeHandler: Handler<typeof proposeRoute> = async (c) =>
  c.json(await proposeExpense(c.get('tx'), auditContext(c), c.req.valid('json')), 201);

export const getRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/expenses/{expenseId}',
  tags: ['ledger'],
  summary: '一笔支出及其签署 / One expense and its signatures',
  access: ['tenant:member'],
  request: { params: expenseParams },
  responses: { 200: json(ExpenseSchema) },
});

export const getHandler: Handler<typeof getRoute> = async (c) =>
  c.json(await ledgerExpense(c.get('tx'), c.req.valid('param').expenseId), 200);

export const signRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/expenses/{expenseId}/signatures',
  tags: ['ledger'],
  summary: '委员批准或否决、监督委员会会签 / A committee member approves or refuses; a supervisor countersigns',
  access: ['tenant:member'],
  request: { params: expenseParams, body: jsonBody(ExpenseSignatureInputSchema) },
  responses: { 200: json(ExpenseSchema) },
});

export const signHandler: Handler<typeof signRoute> = async (c) =>
  c.json(await signExpense(c.get('tx'), auditContext(c), c.req.valid('param').expenseId, c.req.valid('json')), 200);

export const withdrawRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/expenses/{expenseId}/withdraw',
  tags: ['ledger'],
  summary: '提议人撤回支出 / The proposer withdraws an expense',
  access: TREASURERS,
  request: { params: expenseParams },
  responses: { 200: json(ExpenseSchema) },
});

export const withdrawHandler: Handler<typeof withdrawRoute> = async (c) =>
  c.json(await withdrawExpense(c.get('tx'), auditContext(c), c.req.valid('param').expenseId), 200);

export const payRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/expenses/{expenseId}/payment',
  tags: ['ledger'],
  summary: '支付已批准的支出并记账 / Pay an approved expense and post it',
  access: TREASURERS,
  request: { params: expenseParams, body: jsonBody(ExpensePaymentInputSchema) },
  responses: { 200: json(ExpenseSchema) },
});

export const payHandler: Handler<typeof payRoute> = async (c) =>
  c.json(await payExpense(c.get('tx'), auditContext(c), c.req.valid('param').expenseId, c.req.valid('json')), 200);
