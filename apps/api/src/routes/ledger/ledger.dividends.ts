import {
  DividendInputSchema,
  DividendPaymentInputSchema,
  DividendSchema,
  DividendSharePageSchema,
  DividendShareQuerySchema,
  MyDividendSchema,
  TREASURERS,
} from '@city/contracts';
import { declareDividend, dividendShares, ledgerDividends, myDividends, payDividendShares } from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { actorOf, auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { dividendParams, itemsOf } from './ledger.common.ts';

export const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/dividends',
  tags: ['ledger'],
  summary: '分红 / Distributions to the owners',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(itemsOf(DividendSchema)) },
});

export const listHandler: Handler<typeof listRoute> = async (c) =>
  c.json({ items: await ledgerDividends(c.get('tx')) }, 200);

export const declareRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/dividends',
  tags: ['ledger'],
  summary: '按专有部分面积分红 / Declare a distribution, shared by exclusive area',
  access: TREASURERS,
  request: { params: tenantParams, body: jsonBody(DividendInputSchema) },
  responses: { 201: json(DividendSchema) },
});

export const declareHandler: Handler<typeof declareRoute> = async (c) =>
  c.json(await declareDividend(c.get('tx'), auditContext(c), c.req.valid('json')), 201);

export const sharesRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/dividends/{dividendId}/shares',
  tags: ['ledger'],
  summary: '每户应分金额与支付状态（按业主或房屋查找，分页）/ Each owner’s share and whether it was paid, paged',
  access: TREASURERS,
  request: { params: dividendParams, query: DividendShareQuerySchema },
  responses: { 200: json(DividendSharePageSchema) },
});

export const sharesHandler: Handler<typeof sharesRoute> = async (c) =>
  c.json(await dividendShares(c.get('tx'), c.req.valid('param').dividendId, c.req.valid('query')), 200);

export const payRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/ledger/dividends/{dividendId}/payments',
  tags: ['ledger'],
  summary: '登记已支付的分红 / Record shares paid',
  access: TREASURERS,
  request: { params: dividendParams, body: jsonBody(DividendPaymentInputSchema) },
  responses: { 200: json(DividendSchema) },
});

export const payHandler: Handler<typeof payRoute> = async (c) =>
  c.json(
    await payDividendShares(c.get('tx'), auditContext(c), c.req.valid('param').dividendId, c.req.valid('json')),
    200,
  );

export const mineRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/ledger/my-dividends',
  tags: ['ledger'],
  summary: '我的分红 / My shares',
  access: ['tenant:member'],
  request: { params: tenantParams },
  responses: { 200: json(itemsOf(MyDividendSchema)) },
});

export const mineHandler: Handler<typeof mineRoute> = async (c) =>
  c.json({ items: await myDividends(c.get('tx'), actorOf(c).id) }, 200);
