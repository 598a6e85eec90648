import { z } from '@hono/zod-openapi';
import { DevSmsSender } from '@city/auth';
import { PhoneSchema } from '@city/contracts';
import { AppError } from '@city/core';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';
import { serialize } from '../../lib/serialize.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/dev/sms',
  tags: ['dev'],
  summary: '开发短信收件箱（仅开发短信通道）/ Dev SMS inbox (dev sender only)',
  description: '生产环境使用真实短信通道时此接口返回 404。Answers 404 unless the dev SMS sender is configured.',
  access: ['public'],
  request: { query: z.object({ phone: PhoneSchema.optional() }) },
  responses: {
    200: json(z.object({ items: z.array(z.object({ phone: z.string(), text: z.string(), sentAt: z.string() })) })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { sms } = c.get('services');
  if (!(sms instanceof DevSmsSender)) throw new AppError('not_found');
  return c.json(serialize({ items: sms.list(c.req.valid('query').phone).slice(0, 50) }), 200);
};
