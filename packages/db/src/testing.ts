import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usccCheckCharacter } from '@city/contracts';
import type { DatabaseHandle, PluginMigrations } from './client.ts';
import { createDatabase } from './connect.ts';
import { coreMigrationsFolder } from './drivers/migrate-all.ts';

/**
 * Fresh databases for tests. Default: an in-memory PGlite restored from a migrated snapshot, so each test gets an
 * isolated database in a fraction of a second. A snapshot is made once per set of migrations and kept on disk
 * (`node_modules/.cache/city-test-db`), named by a hash of every migration file it applied: test processes share it,
 * and a changed migration makes a new one. With TEST_DATABASE=pg|neon: the shared Postgres at DATABASE_URL, migrated
 * once per process; tests isolate by creating their own tenants and random numbers.
 */
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/city-test-db', import.meta.url));

/** Snapshots this process already read, by key (a test file restores the same one for every test). */
const snapshots = new Map<string, Promise<Blob>>();
const migrated = new Map<string, Promise<void>>();

type PgliteClient = { dumpDataDir(compression?: 'none'): Promise<Blob>; close(): Promise<void> };
const pgliteOf = (handle: DatabaseHandle) => (handle.db as unknown as { $client: PgliteClient }).$client;

/** The state of a PGlite database, for restoring later with `createDatabase({ loadDataDir })`. */
export function dumpDatabase(handle: DatabaseHandle): Promise<Blob> {
  if (handle.kind !== 'pglite') throw new Error('only an embedded PGlite database can be dumped');
  return pgliteOf(handle).dumpDataDir('none');
}

/** Names the migrations a database is made of: the core's and each plugin's files, by content. */
async function migrationsKey(plugins: readonly PluginMigrations[]): Promise<string> {
  const hash = createHash('sha256');
  for (const folder of [coreMigrationsFolder(), ...plugins.map((p) => p.folder)]) {
    hash.update(`\0${folder}\0`);
    for (const file of (await readdir(folder)).filter((f) => f.endsWith('.sql')).sort()) {
      hash.update(file).update(await readFile(join(folder, file)));
    }
  }
  // A dump is read by the PGlite version that wrote it.
  const pglite = join(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')), '..', 'package.json');
  const { version } = JSON.parse(await readFile(pglite, 'utf8')) as { version: string };
  return hash.update(version).digest('hex').slice(0, 16);
}

/** Written under a name of its own, then renamed: a reader never sees half a file, and two writers do not collide. */
async function writeAtomically(path: string, bytes: Uint8Array) {
  await mkdir(CACHE_DIR, { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}

async function loadOrMake(key: string, make: () => Promise<Blob>): Promise<Blob> {
  const path = join(CACHE_DIR, `${key}.tar`);
  try {
    return new Blob([await readFile(path)]);
  } catch {
    const blob = await make();
    await writeAtomically(path, new Uint8Array(await blob.arrayBuffer()));
    return blob;
  }
}

/** The migrated schema (core, then the plugins in the order given) as a PGlite dump, from the disk cache. */
export function schemaSnapshot(plugins: readonly PluginMigrations[] = []): Promise<Blob> {
  const id = JSON.stringify(plugins);
  let snapshot = snapshots.get(id);
  if (!snapshot) {
    snapshot = migrationsKey(plugins).then((key) =>
      loadOrMake(key, async () => {
        // Plugins' migrations start from the core's snapshot: a fresh PGlite (initdb) costs seconds.
        const fresh = plugins.length
          ? await createDatabase({ dataDir: 'memory://', loadDataDir: await schemaSnapshot(), asOwner: true })
          : await createDatabase({ dataDir: 'memory://', asOwner: true });
        try {
          await fresh.migrate(plugins);
          return await dumpDatabase(fresh);
        } finally {
          await fresh.close();
        }
      }),
    );
    snapshots.set(id, snapshot);
  }
  return snapshot;
}

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
