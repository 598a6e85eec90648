import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, createTestApp, databaseRefusal, schema, withTenant, type TestApp, type Tx } from '@city/testing';
import { readAsApp } from './context.ts';

/** A plugin role every test database has (migration 0013): no tables of its own. */
const PLUGIN_ROLE = 'city_plugin';
let h: TestApp;
let tenantId: string;

beforeAll(async () => {
  h = await createTestApp();
  tenantId = (await buildWorld(h)).tenantA.id;
});
afterAll(() => h.close());

const currentRole = async (tx: Tx) =>
  (await tx.execute<{ role: string }>(sql`select current_user as role`)).rows[0]!.role;

/** In a neighbourhood's transaction, as the plugin's role. */
const asPluginRole = <T>(fn: (tx: Tx) => Promise<T>) =>
  withTenant(h.services.db, tenantId, async (tx) => {
    await tx.execute(sql`select set_config('role', ${PLUGIN_ROLE}, true)`);
    return fn(tx);
  });

describe('core reads for plugin code (readAsApp)', () => {
  it('reads as the app role and gives the plugin its role back', async () => {
    await asPluginRole(async (tx) => {
      expect(await readAsApp(tx, PLUGIN_ROLE, () => currentRole(tx))).toBe(schema.APP_ROLE);
      expect(await currentRole(tx)).toBe(PLUGIN_ROLE);
    });
  });

  it('gives the role back when the read throws in code, so a plugin that catches keeps no app privileges', async () => {
    await asPluginRole(async (tx) => {
      await expect(readAsApp(tx, PLUGIN_ROLE, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await currentRole(tx)).toBe(PLUGIN_ROLE);
    });
  });

  it('after a failed statement the transaction runs nothing more, as any role', async () => {
    const refusal = databaseRefusal(
      asPluginRole(async (tx) => {
        await readAsApp(tx, PLUGIN_ROLE, () => tx.execute(sql`select 1 / 0`)).catch(() => undefined);
        await tx.execute(sql`select 1`);
      }),
    );
    // 25P02 in_failed_sql_transaction: "current transaction is aborted, commands ignored until end of transaction block"
    expect((await refusal).code).toBe('25P02');
  });
});
