import { z } from '@hono/zod-openapi';
import type { DevSmsSender } from '@city/auth';
import { PhoneSchema } from '@city/contracts';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/dev/sms',
  tags: ['dev'],
  summary: '开发短信收件箱（仅开发环境）/ Dev SMS inbox (development servers only)',
  description:
    '仅在非生产环境且使用开发短信通道时存在；生产环境不挂载此接口。' +
    'Exists only on a development server using the dev SMS sender; never mounted in production.',
  access: ['public'],
  request: { query: z.object({ phone: PhoneSchema.optional() }) },
  responses: {
    200: json(z.object({ items: z.array(z.object({ phone: z.string(), text: z.string(), sentAt: z.string() })) })),
  },
});

export const handler =
  (inbox: DevSmsSender): Handler<typeof route> =>
  async (c) =>
    c.json(serialize({ items: inbox.list(c.req.valid('query').phone).slice(0, 50) }), 200);
