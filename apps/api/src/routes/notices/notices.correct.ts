import { NOTICE_EDITORS, NoticeInputSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { noticeParams } from '../../lib/tenant-params.ts';
import { noticeWritten } from './notices.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/notices/{noticeId}/corrections',
  tags: ['notices'],
  summary: '起草更正公告（与原公告互相链接）/ Draft a correction linked to a published notice',
  access: NOTICE_EDITORS,
  request: { params: noticeParams, body: jsonBody(NoticeInputSchema) },
  errors: [409],
  responses: { 200: noticeWritten, 201: noticeWritten },
});

export const handler: Handler<typeof route> = async (c) => {
  const { noticeId } = c.req.valid('param');
  const correction = await c
    .get('services')
    .notices.correct(c.get('tx'), auditContext(c), noticeId, c.req.valid('json'));
  return c.json(serialize(correction), 201);
};
