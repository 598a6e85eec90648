import { usccCheckCharacter } from '@city/contracts';
import { createDatabase, type DatabaseHandle } from './client.ts';

/**
 * Fresh databases for tests. Default: an in-memory PGlite restored from a migrated snapshot (made once per worker),
 * so each test file gets an isolated database in a fraction of a second. With TEST_DATABASE=pg|neon: the shared
 * Postgres at DATABASE_URL, migrated once; tests isolate by creating their own tenants and random numbers.
 */
let snapshot: Promise<Blob> | undefined;
let migrated: Promise<void> | undefined;

async function pgliteSnapshot(): Promise<Blob> {
  const fresh = await createDatabase({ dataDir: 'memory://', asOwner: true });
  await fresh.migrate();
  const { PGlite } = await import('@electric-sql/pglite');
  void PGlite;
  const client = (fresh.db as unknown as { $client: { dumpDataDir(c?: 'none'): Promise<Blob> } }).$client;
  const blob = await client.dumpDataDir('none');
  await fresh.close();
  return blob;
}

export async function testDatabase(): Promise<DatabaseHandle> {
  const target = process.env.TEST_DATABASE ?? 'pglite';
  if (target === 'pglite') {
    snapshot ??= pgliteSnapshot();
    return createDatabase({ dataDir: 'memory://', loadDataDir: await snapshot });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error(`TEST_DATABASE=${target} needs DATABASE_URL`);
  const driver = target === 'neon' ? 'neon' : 'pg';
  migrated ??= (async () => {
    const owner = await createDatabase({ url, driver: 'pg', asOwner: true });
    try {
      await owner.migrate();
    } finally {
      await owner.close();
    }
  })();
  await migrated;
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
