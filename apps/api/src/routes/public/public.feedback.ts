import { FeedbackBoardSchema, PageQuerySchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import { readPublicly } from '../../access/enter-tenant.ts';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/feedback',
  tags: ['notices'],
  summary: '码上提办结公示（无需登录）/ Closed resident reports, published, no sign-in',
  description: '类别、楼栋、摘要、办理用时（工作日）与评价；不含房号，反映人同意时才显示姓名。',
  access: ['public'],
  request: { params: tenantParams, query: PageQuerySchema },
  responses: { 200: json(FeedbackBoardSchema) },
});

export const handler: Handler<typeof route> = async (c) => {
  const { feedback } = c.get('services');
  const { tenant, board } = await readPublicly(c, async (tx, tenant) => ({
    tenant,
    board: await feedback.board(tx, c.req.valid('query')),
  }));
  c.header('cache-control', 'public, max-age=60');
  return c.json(serialize({ neighbourhood: { slug: tenant.slug, name: tenant.name }, ...board }), 200);
};
