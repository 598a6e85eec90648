import { NOTICE_EDITORS } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { noticeList } from './notices.common.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/t/{tenant}/notices/manage',
  tags: ['notices'],
  summary: '全部公告（含草稿、已撤回）/ Every notice, drafts and withdrawn included',
  access: NOTICE_EDITORS,
  request: { params: tenantParams },
  responses: { 200: json(noticeList) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { notices, clock } = c.get('services');
  return c.json(serialize({ items: await notices.manage(c.get('tx'), clock.now()) }), 200);
};
