import { NoticeSchema } from '@city/contracts';
import { AppError, canRead } from '@city/core';
import { actorOf } from '../../lib/request-meta.ts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { noticeParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/notices/{noticeId}',
  tags: ['notices'],
  summary: '一条公告（读者范围之外的不存在）/ One notice; outside its audience it does not exist',
  access: ['tenant:member'],
  request: { params: noticeParams },
  responses: { 200: json(NoticeSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { notices, verification, clock } = c.get('services');
  const now = clock.now();
  const notice = await notices.get(c.get('tx'), c.req.valid('param').noticeId, now);
  const roles = c.get('member').roles;
  const editor = roles.includes('admin') || roles.includes('staff');
  if (!editor && !canRead(notice, await verification.reader(c.get('tx'), actorOf(c).id, roles), now)) {
    throw new AppError('not_found');
  }
  return c.json(serialize(notice), 200);
};
