import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { defineRoute, json } from '@city/contracts/routes';
import type { Handler } from '../../lib/router.ts';

export const route = defineRoute({
  method: 'get',
  path: '/api/v1/health',
  tags: ['platform'],
  summary: '健康检查 / Health check',
  access: ['public'],
  responses: {
    200: json(z.object({ status: z.literal('ok'), database: z.string(), time: z.string() })),
  },
});

export const handler: Handler<typeof route> = async (c) => {
  const { db, clock } = c.get('services');
  await db.execute(sql`select 1`);
  return c.json(
    { status: 'ok' as const, database: c.get('services').databaseKind, time: clock.now().toISOString() },
    200,
  );
};
