import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createDatabase } from './connect.ts';
import { startFromSnapshot } from './snapshots.ts';

const dirs: string[] = [];
const newDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'city-snapshot-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** The embedded database's first start (`npm start`); the server suites have nothing of it to run. */
describe.skipIf((process.env.TEST_DATABASE ?? 'pglite') !== 'pglite')('startFromSnapshot', () => {
  it('leaves a server URL, a memory database and a data directory that holds a database as they are', async () => {
    const held = await newDir();
    await writeFile(join(held, 'PG_VERSION'), '17\n');
    for (const config of [{ url: 'postgres://db.example/city' }, { dataDir: 'memory://' }, { dataDir: held }]) {
      expect(await startFromSnapshot(config, [])).toBe(config);
    }
  });

  it('restores the migrated schema into a new data directory, which later starts open as they find it', async () => {
    const dataDir = await newDir();
    const first = await createDatabase(await startFromSnapshot({ dataDir }, []));
    try {
      // Nothing left to migrate, and the app role's tables are there.
      await first.migrate();
      const { rows } = await first.db.execute<{ n: number }>(sql`select count(*)::int as n from regions`);
      expect(rows[0]!.n).toBe(0);
      await first.db.execute(
        sql`insert into regions (id, kind, name, code) values (gen_random_uuid(), 'district', '璧山区', '500120')`,
      );
    } catch (error) {
      await first.close();
      throw error;
    }
    await first.close();
    const config = await startFromSnapshot({ dataDir }, []);
    expect(config.loadDataDir).toBeUndefined();
    const again = await createDatabase(config);
    try {
      const { rows } = await again.db.execute<{ name: string }>(sql`select name from regions`);
      expect(rows).toEqual([{ name: '璧山区' }]);
    } finally {
      await again.close();
    }
  });
});
