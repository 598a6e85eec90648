import { z } from '@hono/zod-openapi';
import { NoticeListQuerySchema, NoticeSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';
import { tenantParams } from '../../lib/tenant-params.ts';
import { readPublicly } from '../../access/enter-tenant.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/public/n/{tenant}/notices',
  tags: ['notices'],
  summary: '小区公示栏（无需登录）/ A neighbourhood’s public board, no sign-in',
  description: '只含面向公众、当前有效的公告与公示。Only live notices addressed to the public.',
  access: ['public'],
  request: { params: tenantParams, query: NoticeListQuerySchema },
  responses: {
    200: json(
      z.object({
        neighbourhood: z.object({ slug: z.string(), name: z.string(), address: z.string() }),
        items: z.array(NoticeSchema),
      }),
    ),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { notices, clock } = c.get('services');
  // It reads only what canRead() allows a reader without roles.
  const { tenant, items } = await readPublicly(c, async (tx, tenant) => ({
    tenant,
    items: await notices.readable(tx, null, clock.now(), c.req.valid('query').category),
  }));
  c.header('cache-control', 'public, max-age=60');
  return c.json(
    serialize({ neighbourhood: { slug: tenant.slug, name: tenant.name, address: tenant.address }, items }),
    200,
  );
};
