import { asEraser, withTenantAs, withUser } from '@city/db';
import { createDatabase } from '@city/db/connect';
import { openNeonPerRequest } from '@city/db/neon';
import {
  createWorldApp,
  databaseRefusal,
  schema,
  withTenant,
  type DatabaseHandle,
  type TestApp,
  type World,
} from '@city/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startNeonProxy } from '../../infra/neon-ws-proxy/proxy.ts';
import { APP_LOGIN, ensureAppLogin } from '../../infra/pgbouncer/app-login.ts';
import { startPgBouncer, type PgBouncer } from '../../infra/pgbouncer/pgbouncer.ts';

/**
 * The pooled path of the edge deployment (Neon's pooled endpoint, Hyperdrive): PgBouncer in transaction mode with ONE
 * server connection, so every client transaction below runs on the same backend one after the other. Tenancy holds
 * there only because scope.ts sets everything transaction-locally and the pooled login starts as the app role
 * (infra/pgbouncer/README.md). Both drivers the app uses: node-postgres, and Neon's through the WebSocket proxy.
 */
const DRIVERS = ['pg', 'neon'] as const;
type Driver = (typeof DRIVERS)[number];

describe.skipIf(!process.env.DATABASE_URL)('tenancy through PgBouncer in transaction mode', () => {
  let h: TestApp;
  let world: World;
  let bouncer: PgBouncer;
  let proxy: Awaited<ReturnType<typeof startNeonProxy>>;
  const opened: DatabaseHandle[] = [];

  beforeAll(async () => {
    vi.stubEnv('TEST_DATABASE', 'pg');
    ({ h, world } = await createWorldApp());
    await ensureAppLogin(process.env.DATABASE_URL!);
    bouncer = await startPgBouncer({ target: process.env.DATABASE_URL!, maxServerConnections: 1, users: [APP_LOGIN] });
    proxy = await startNeonProxy({ allow: `127.0.0.1:${bouncer.port}` });
  });

  afterAll(async () => {
    await Promise.all(opened.map((handle) => handle.close()));
    await proxy?.close();
    await bouncer?.stop();
    await h?.close();
    vi.unstubAllEnvs();
  });

  const pooledUrl = () => {
    const url = new URL(bouncer.url);
    url.username = APP_LOGIN;
    return url.toString();
  };

  /**
   * A client of the pooler as the app opens it there (`appLogin`: no `options=-c role=…` startup parameter, which the
   * pooler refuses): the login's own default makes each session the app role.
   */
  async function pooled(driver: Driver, poolSize = 1) {
    const handle = await createDatabase({
      url: pooledUrl(),
      driver,
      neonWsProxy: `127.0.0.1:${proxy.port}`,
      appLogin: true,
      poolSize,
    });
    opened.push(handle);
    return handle;
  }

  const session = async (handle: DatabaseHandle) =>
    (
      await handle.db.execute<{ pid: number; session_user: string; current_user: string; tenant: string | null }>(
        sql`select pg_backend_pid() as pid, session_user, current_user,
          current_setting('app.tenant_id', true) as tenant`,
      )
    ).rows[0]!;

  /** One tenant's members through withTenant, and the backend that served the transaction. */
  const readAs = (handle: DatabaseHandle, tenantId: string, hold = 0) =>
    withTenant(handle.db, tenantId, async (tx) => {
      const { rows } = await tx.execute<{ pid: number }>(
        sql`select pg_backend_pid() as pid, pg_sleep(${hold})::text as slept`,
      );
      const members = await tx.select({ tenantId: schema.members.tenantId }).from(schema.members);
      return { pid: rows[0]!.pid, tenants: [...new Set(members.map((m) => m.tenantId))], count: members.length };
    });

  it('keeps the pooler’s server connection across the worker’s request pools, each ended as its COMMIT is on the wire', async () => {
    // Workers open a pool per request and end it after the request; a read-only transaction's COMMIT is not waited
    // for (fused-begin.ts). Ending the pool before that COMMIT is answered would cut its connection mid-transaction,
    // and the pooler would close its server connection: a new backend for every request.
    const edge = await openNeonPerRequest({ url: pooledUrl(), neonWsProxy: `127.0.0.1:${proxy.port}`, poolSize: 1 });
    const backends = new Set<number>();
    for (let request = 0; request < 5; request++) {
      const scope = edge.scope();
      try {
        await scope.run(() =>
          withTenant(edge.db, world.tenantA.id, async (tx) => {
            const { rows } = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
            backends.add(rows[0]!.pid);
          }),
        );
      } finally {
        await scope.end();
      }
    }
    expect(backends.size).toBe(1);
  });

  it('refuses the direct drivers’ `options` startup parameter, which is why the pooled login exists', async () => {
    for (const driver of DRIVERS) {
      const direct = await createDatabase({ url: pooledUrl(), driver, neonWsProxy: `127.0.0.1:${proxy.port}` });
      opened.push(direct);
      const refused = await databaseRefusal(direct.db.execute(sql`select 1`));
      expect(refused.message).toMatch(/unsupported startup parameter: options/);
    }
  });

  describe.each(DRIVERS)('through %s', (driver) => {
    it('interleaves two neighbourhoods on one server connection, each seeing only its own rows', async () => {
      const a = await pooled(driver);
      const b = await pooled(driver);
      // Counted on a direct connection (the world's own).
      const rowsIn = { A: 0, B: 0 };
      for (const [key, tenant] of [
        ['A', world.tenantA],
        ['B', world.tenantB],
      ] as const) {
        rowsIn[key] = (await withTenant(h.services.db, tenant.id, (tx) => tx.select().from(schema.members))).length;
        expect(rowsIn[key]).toBeGreaterThan(0);
      }
      const expectOwn = (read: Awaited<ReturnType<typeof readAs>>, tenantId: string, count: number) => {
        expect(read.tenants).toEqual([tenantId]);
        expect(read.count).toBe(count);
      };

      // Taking turns: A, B, A, B … from two clients that stay connected throughout.
      const pids = new Set<number>();
      for (let round = 0; round < 3; round++) {
        const readA = await readAs(a, world.tenantA.id);
        const readB = await readAs(b, world.tenantB.id);
        expectOwn(readA, world.tenantA.id, rowsIn.A);
        expectOwn(readB, world.tenantB.id, rowsIn.B);
        pids.add(readA.pid).add(readB.pid);
      }
      // At once: each transaction holds the only server connection a moment while the others queue for it.
      const order: string[] = [];
      await Promise.all(
        [a, b].map(async (handle, i) => {
          const [key, tenant] = i === 0 ? (['A', world.tenantA] as const) : (['B', world.tenantB] as const);
          for (let n = 0; n < 5; n++) {
            const read = await readAs(handle, tenant.id, 0.01);
            order.push(key);
            expectOwn(read, tenant.id, rowsIn[key]);
            pids.add(read.pid);
          }
        }),
      );
      expect(pids.size).toBe(1);
      expect(order.join('')).toMatch(/A+B+A|B+A+B/);
    });

    it('leaves nothing of a transaction’s scope to the next one on the same server connection', async () => {
      const a = await pooled(driver);
      const b = await pooled(driver);
      const inside = await withTenant(a.db, world.tenantA.id, async (tx) => {
        const { rows } = await tx.execute<{ pid: number; tenant: string }>(
          sql`select pg_backend_pid() as pid, current_setting('app.tenant_id') as tenant`,
        );
        return rows[0]!;
      });
      expect(inside.tenant).toBe(world.tenantA.id);

      // Committed with the eraser's role on, or rolled back half way: the next transaction starts clean either way.
      await withTenant(a.db, world.tenantA.id, (tx) => asEraser(tx, async () => undefined));
      await expect(
        withTenant(a.db, world.tenantA.id, async (tx) => {
          await tx.execute(sql`select set_config('role', 'city_eraser', true)`);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');

      for (const next of [b, a]) {
        const after = await session(next);
        expect(after.pid).toBe(inside.pid);
        expect(after).toMatchObject({ session_user: APP_LOGIN, current_user: 'city_app' });
        expect(after.tenant ?? '').toBe('');
        expect(await next.db.select().from(schema.members)).toEqual([]);
      }
    });

    it('gives a pooled session outside any scope nothing, and no way around row-level security', async () => {
      const a = await pooled(driver);
      const who = await session(a);
      expect(who).toMatchObject({ session_user: APP_LOGIN, current_user: 'city_app' });
      const { rows } = await a.db.execute<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
        sql`select rolname, rolsuper, rolbypassrls from pg_roles where rolname in (session_user, current_user)`,
      );
      expect(rows).toHaveLength(2);
      for (const role of rows) expect(role).toMatchObject({ rolsuper: false, rolbypassrls: false });

      for (const table of [schema.members, schema.auditLog]) expect(await a.db.select().from(table)).toEqual([]);
      // The login itself holds no privileges (NOINHERIT): dropping the app role leaves nothing to read with.
      const bare = await databaseRefusal(
        a.db.transaction(async (tx) => {
          await tx.execute(sql`set local role none`);
          await tx.select().from(schema.members);
        }),
      );
      expect(bare.message).toMatch(/permission denied for table members/);
      // Nor can it become the owner.
      const owner = await databaseRefusal(a.db.execute(sql`select set_config('role', 'postgres', true)`));
      expect(owner.message).toMatch(/permission denied to set role/);
    });

    it('runs the app’s own scoped helpers: writes land in their neighbourhood and nowhere else', async () => {
      const a = await pooled(driver, 2);
      const person = world.users[driver === 'pg' ? 'residentA' : 'committeeA'];
      const [added] = await withTenant(a.db, world.tenantB.id, (tx) =>
        tx
          .insert(schema.members)
          .values({
            tenantId: world.tenantB.id,
            userId: person.id,
            displayName: person.displayName,
            roles: ['resident'],
          })
          .returning(),
      );
      const seenDirectly = await withTenant(h.services.db, world.tenantB.id, (tx) => tx.select().from(schema.members));
      expect(seenDirectly.map((m) => m.id)).toContain(added!.id);

      const fromA = await withTenant(a.db, world.tenantA.id, (tx) => tx.select().from(schema.members));
      expect(fromA.map((m) => m.id)).not.toContain(added!.id);
      const across = await databaseRefusal(
        withTenant(a.db, world.tenantA.id, (tx) =>
          tx
            .insert(schema.members)
            .values({ tenantId: world.tenantB.id, userId: person.id, displayName: 'x', roles: ['resident'] }),
        ),
      );
      expect(across.message).toMatch(/row-level security/);

      const member = await withTenantAs(a.db, world.tenantB.id, person.id, async (_tx, m) => m);
      expect(member).toEqual({ id: added!.id, roles: ['resident'] });
      const mine = await withUser(a.db, { id: person.id, phone: person.phone }, (tx) =>
        tx.select({ tenantId: schema.members.tenantId }).from(schema.members),
      );
      expect(mine.map((m) => m.tenantId).sort()).toEqual([world.tenantA.id, world.tenantB.id].sort());
    });
  });
});
