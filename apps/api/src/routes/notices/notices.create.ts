import { NOTICE_EDITORS, NoticeInputSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { noticeWritten } from './notices.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/notices',
  tags: ['notices'],
  summary: '新建公告草稿 / Draft a notice',
  access: NOTICE_EDITORS,
  request: { params: tenantParams, body: jsonBody(NoticeInputSchema) },
  errors: [409],
  responses: { 200: noticeWritten, 201: noticeWritten },
});

export const handler: Handler<typeof route> = async (c) => {
  const notice = await c.get('services').notices.create(c.get('tx'), auditContext(c), c.req.valid('json'));
  return c.json(serialize(notice), 201);
};
