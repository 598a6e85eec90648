/**
 * The API as `npm run start:api` builds it, plus two baselines on the same server and port:
 *   /bench/bare          a Hono route that returns a constant (the ceiling of the HTTP stack)
 *   /bench/tenant-query  the same member list query in a withTenant transaction, without session or membership
 *   /api/v1/bench/tenant-query  the same again, behind the app's own middleware (headers, locale, limits, the
 *                        session's lookup finding none): what a request costs the API without session and membership
 * and a demo tenant grown to exactly 20 members. Prints READY with session tokens for its admin and a resident.
 */
import { Hono } from 'hono';
import { schema, withTenant } from '@city/db';
import { bootApi, serveNode } from '../../../apps/api/src/node.ts';
import { DEMO_ACCOUNTS } from '../../../apps/api/src/demo/accounts.ts';
import { createApiServices } from '../../../apps/api/src/services.ts';
import { eq } from 'drizzle-orm';

const booted = await bootApi({ ...process.env, SEED_DEMO: 'true' });
const services = createApiServices(booted.deps);
const tenant = (await services.tenants.bySlug('jinse-jiayuan'))!;

const existing = await withTenant(services.db, tenant.id, (tx) => tx.$count(schema.members));
const hash = await services.passwords.hash('bench-password');
for (let i = existing; i < 20; i++) {
  const [user] = await services.db
    .insert(schema.users)
    .values({ phone: `1370000${String(1000 + i).slice(-4)}`, displayName: `住户${i}`, passwordHash: hash })
    .onConflictDoNothing()
    .returning();
  if (user) {
    await withTenant(services.db, tenant.id, (tx) =>
      tx
        .insert(schema.members)
        .values({ tenantId: tenant.id, userId: user.id, displayName: user.displayName, roles: ['resident'] }),
    );
  }
}

const tokenFor = async (phone: string) => {
  const [user] = await services.db.select().from(schema.users).where(eq(schema.users.phone, phone));
  return (await services.sessions.create(user!.id, 'bench')).token;
};

const tenantQuery = async () => ({
  items: await withTenant(services.db, tenant.id, (tx) => services.members.list(tx, { limit: 20 })),
});
const root = new Hono();
root.get('/bench/bare', (c) => c.json({ ok: true }));
root.get('/bench/tenant-query', async (c) => c.json(await tenantQuery()));
booted.app.get('/api/v1/bench/tenant-query', async (c) => c.json(await tenantQuery()));
root.route('/', booted.app);

const port = Number(process.env.PORT);
await serveNode(root as unknown as typeof booted.app, { port, host: '127.0.0.1' });
const ready = {
  token: await tokenFor(DEMO_ACCOUNTS.adminA.phone),
  residentToken: await tokenFor(DEMO_ACCOUNTS.residentA.phone),
  slug: tenant.slug,
  database: booted.database.kind,
};
console.log(`READY ${JSON.stringify(ready)}`);
// Measurements are over when this arrives: exit at once rather than let in-flight requests meet a closed pool.
process.on('SIGTERM', () => process.exit(0));
