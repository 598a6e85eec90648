import { NOTICE_EDITORS } from '@city/contracts';
import { auditContext } from '../../lib/request-meta.ts';
import { defineRoute } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { noticeParams } from '../../lib/tenant-params.ts';
import { noticeWritten } from './notices.common.ts';

export const route = defineRoute({
  method: 'post',
  path: '/api/v1/t/{tenant}/notices/{noticeId}/publish',
  tags: ['notices'],
  summary: '发布草稿 / Publish a draft',
  access: NOTICE_EDITORS,
  request: { params: noticeParams },
  errors: [409],
  responses: { 200: noticeWritten },
});

export const handler: Handler<typeof route> = async (c) => {
  const notice = await c
    .get('services')
    .notices.publish(c.get('tx'), auditContext(c), c.req.valid('param').noticeId, c.get('services').notifications);
  return c.json(serialize(notice), 200);
};
