import { NOTICE_EDITORS, NoticeInputSchema } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute, jsonBody } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { noticeParams } from '../../lib/tenant-params.ts';
import { noticeWritten } from './notices.common.ts';

export const route = defineRoute({
  method: 'put',
  path: '/api/v1/t/{tenant}/notices/{noticeId}',
  tags: ['notices'],
  summary: '修改公告（已发布的公示不可修改）/ Edit a notice; a published 公示 is locked',
  access: NOTICE_EDITORS,
  request: { params: noticeParams, body: jsonBody(NoticeInputSchema) },
  errors: [409],
  responses: { 200: noticeWritten },
});

export const handler: Handler<typeof route> = async (c) => {
  const { noticeId } = c.req.valid('param');
  const notice = await c.get('services').notices.update(c.get('tx'), auditContext(c), noticeId, c.req.valid('json'));
  return c.json(serialize(notice), 200);
};
