import {
  IdSchema,
  IssuedOpen311ClientSchema,
  Open311ClientInputSchema,
  Open311ClientSchema,
  Open311ClientsSchema,
} from '@city/contracts';
import { issueOpen311Client, open311Clients, revokeOpen311Client } from '@city/core';
import { defineRoute, json, jsonBody } from '@city/contracts/routes';
import { auditContext } from '../../lib/request-meta.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { open311Base } from './georeport.ts';

const clientParams = tenantParams.extend({ clientId: IdSchema });

export const listRoute = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/open311-clients',
  tags: ['neighbourhood'],
  summary: 'Open311 接入方 / Open311 clients',
  description: '接入本小区 GeoReport v2 接口的系统（如市民热线）及接口地址；密钥只在签发时显示一次。',
  access: ['tenant:admin'],
  request: { params: tenantParams },
  responses: { 200: json(Open311ClientsSchema) },
});

export const listHandler: Handler<typeof listRoute> = async (c) => {
  const endpoint = `${c.get('services').publicUrl}${open311Base(c.get('tenant').slug)}`;
  return c.json(serialize({ items: await open311Clients(c.get('tx')), endpoint }), 200);
};

export const issueRoute = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/open311-clients',
  tags: ['neighbourhood'],
  summary: '签发 Open311 密钥 / Issue an Open311 API key',
  access: ['tenant:admin'],
  request: { params: tenantParams, body: jsonBody(Open311ClientInputSchema) },
  responses: { 201: json(IssuedOpen311ClientSchema) },
});

export const issueHandler: Handler<typeof issueRoute> = async (c) =>
  c.json(serialize(await issueOpen311Client(c.get('tx'), auditContext(c), c.req.valid('json').name)), 201);

export const revokeRoute = defineRoute({
  method: 'delete',
  path: '/api/v1/t/{tenant}/open311-clients/{clientId}',
  tags: ['neighbourhood'],
  summary: '停用 Open311 密钥 / Revoke an Open311 API key',
  description: '停用后该密钥不能再提交或查询；已提交的反映保留。',
  access: ['tenant:admin'],
  request: { params: clientParams },
  responses: { 200: json(Open311ClientSchema) },
});

export const revokeHandler: Handler<typeof revokeRoute> = async (c) =>
  c.json(serialize(await revokeOpen311Client(c.get('tx'), auditContext(c), c.req.valid('param').clientId)), 200);
