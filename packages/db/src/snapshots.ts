import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig, DatabaseHandle, PluginMigrations } from './client.ts';
import { createDatabase } from './connect.ts';
import { coreMigrationsFolder } from './drivers/migrate-all.ts';

/**
 * Migrated PGlite databases as dumps, made once per set of migrations and kept on disk
 * (`packages/db/node_modules/.cache/city-db-snapshots`), named by a hash of every migration file they applied and
 * PGlite's version: migrating an embedded database takes PGlite tens of seconds, restoring a dump a few. Tests
 * restore one per test (testing.ts); `npm start` restores one into a new data directory; `npm install` makes them.
 */
const CACHE_DIR = fileURLToPath(new URL('../node_modules/.cache/city-db-snapshots', import.meta.url));

/** Snapshots this process already read, by key (a test file restores the same one for every test). */
const snapshots = new Map<string, Promise<Blob>>();

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

/**
 * `config` restoring the migrated snapshot when it names an embedded database whose data directory holds none yet:
 * the first start of a fresh clone restores a dump (made by `npm install`, or now) instead of migrating for tens of
 * seconds. Any other configuration is returned as it is; migrating afterwards applies only what is newer.
 */
export async function startFromSnapshot(
  config: DatabaseConfig,
  plugins: readonly PluginMigrations[],
): Promise<DatabaseConfig> {
  const dataDir = config.dataDir;
  if (config.url || !dataDir || dataDir.startsWith('memory://')) return config;
  if (existsSync(join(dataDir, 'PG_VERSION'))) return config;
  return { ...config, loadDataDir: await schemaSnapshot(plugins) };
}
