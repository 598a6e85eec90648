import { NoticeListQuerySchema } from '@city/contracts';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { noticeList } from './notices.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/notices',
  tags: ['notices'],
  summary: '我能看到的公告与公示（置顶在前）/ Notices I may read, pinned first',
  access: ['tenant:member'],
  request: { params: tenantParams, query: NoticeListQuerySchema },
  responses: { 200: json(noticeList) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { notices, verification, clock } = c.get('services');
  const reader = await verification.reader(c.get('tx'), actorOf(c).id, c.get('member').roles);
  const items = await notices.readable(c.get('tx'), reader, clock.now(), c.req.valid('query').category);
  return c.json(serialize({ items }), 200);
};
