import { usccCheckCharacter } from '@city/contracts';
import type { DatabaseHandle, PluginMigrations } from './client.ts';
import { createDatabase } from './connect.ts';
import { schemaSnapshot } from './snapshots.ts';

export { dumpDatabase, schemaSnapshot } from './snapshots.ts';

/**
 * Fresh databases for tests. Default: an in-memory PGlite restored from a migrated snapshot (snapshots.ts), so each
 * test gets an isolated database in a fraction of a second. With TEST_DATABASE=pg|neon: the shared Postgres at
 * DATABASE_URL, migrated once per process; tests isolate by creating their own tenants and random numbers.
 */
const migrated = new Map<string, Promise<void>>();

/** A database for one test: PGlite restored from a snapshot (its own), or a pool on the shared server. */
export async function testDatabase(options: { plugins?: readonly PluginMigrations[]; snapshot?: Blob } = {}) {
  const plugins = options.plugins ?? [];
  const target = process.env.TEST_DATABASE ?? 'pglite';
  if (target === 'pglite') {
    return createDatabase({ dataDir: 'memory://', loadDataDir: options.snapshot ?? (await schemaSnapshot(plugins)) });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`TEST_DATABASE=${target} needs DATABASE_URL`);
  const driver = target === 'neon' ? 'neon' : 'pg';
  const id = JSON.stringify(plugins);
  let done = migrated.get(id);
  if (!done) {
    done = (async () => {
      const owner = await createDatabase({ url, driver: 'pg', asOwner: true });
      try {
        await owner.migrate(plugins);
      } finally {
        await owner.close();
      }
    })();
    migrated.set(id, done);
  }
  await done;
  return createDatabase({ url, driver, neonWsProxy: process.env.NEON_WS_PROXY, poolSize: 5 });
}

/** A valid, random mainland mobile number: 1[3-9] followed by nine digits. */
export function randomPhone(): string {
  const second = 3 + Math.floor(Math.random() * 7);
  return `1${second}${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
}

/** A valid unified social credit code no other test uses: 91 (enterprise), a Shanghai division, random body. */
export function randomUscc(): string {
  const body = Array.from({ length: 9 }, () => '0123456789ABCDEFGHJKLMNPQRTUWXY'[Math.floor(Math.random() * 31)]).join(
    '',
  );
  const first17 = `91310115${body}`;
  return first17 + usccCheckCharacter(first17)!;
}

/**
 * Runs SQL with the owner's privileges, bypassing the app role — only for tests that must play a tamperer or a
 * DBA (e.g. editing the append-only audit trail to prove the chain detects it).
 */
export async function asOwner(handle: DatabaseHandle, statement: string): Promise<void> {
  if (handle.kind === 'pglite') {
    const client = (handle.db as unknown as { $client: { exec(sql: string): Promise<unknown> } }).$client;
    await client.exec(`RESET ROLE; ${statement}; SET ROLE city_app;`);
    return;
  }
  const owner = await createDatabase({ url: process.env.DATABASE_URL, driver: 'pg', asOwner: true, poolSize: 1 });
  try {
    const { sql } = await import('drizzle-orm');
    await owner.db.execute(sql.raw(statement));
  } finally {
    await owner.close();
  }
}
