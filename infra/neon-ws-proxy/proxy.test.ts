import { createDatabase } from '@city/db/connect';
import { sql } from 'drizzle-orm';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { startNeonProxy } from './proxy.ts';

describe('neon ws proxy', () => {
  it('refuses any address but the allowed one', async () => {
    const proxy = await startNeonProxy({ allow: '127.0.0.1:5432' });
    try {
      const ws = new WebSocket(`ws://127.0.0.1:${proxy.port}/v1?address=10.0.0.1:5432`);
      const code = await new Promise<number>((resolve) => ws.on('close', (c) => resolve(c)));
      expect(code).toBe(1008);
    } finally {
      await proxy.close();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)('carries a real query from the Neon driver to Postgres', async () => {
    const target = new URL(process.env.DATABASE_URL!);
    const proxy = await startNeonProxy({ allow: `${target.hostname}:${target.port || 5432}` });
    const db = await createDatabase({
      url: process.env.DATABASE_URL,
      driver: 'neon',
      neonWsProxy: `127.0.0.1:${proxy.port}`,
      asOwner: true,
    });
    try {
      const result = await db.db.execute<{ answer: number }>(sql`select 41 + 1 as answer`);
      expect(result.rows[0]).toMatchObject({ answer: 42 });
    } finally {
      await db.close();
      await proxy.close();
    }
  });
});
