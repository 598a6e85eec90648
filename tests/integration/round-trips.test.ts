import { buildWorld, countedDatabase, createTestApp, type TestApp } from '@city/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe.runIf(process.env.TEST_DATABASE === 'pg')('round trips to Postgres per request', () => {
  let counted: Awaited<ReturnType<typeof countedDatabase>>;
  let h: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  beforeAll(async () => {
    counted = await countedDatabase();
    h = await createTestApp({ database: counted.database });
    world = await buildWorld(h);
  });
  afterAll(async () => {
    await h?.close();
    await counted?.relay.close();
  });

  const counting = async (work: () => Promise<unknown>) => (await counted.count(h, work)).length;

  const members = async (token = world.tokens.adminA) => {
    const res = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/members?limit=20`, { token });
    return res.status;
  };

  it('reads a neighbourhood for a signed-in member in 2: BEGIN with the session and the entry, then the read', async () => {
    await members(); // the neighbourhood's slug looked up once, and kept
    // Three messages: BEGIN with the entry, the read, and COMMIT…
    expect(await counting(async () => expect(await members()).toBe(200))).toBe(3);
    // …which the request does not wait for (its transaction is read-only): answered while the COMMIT is held back.
    counted.relay.holding = /^commit/i;
    try {
      expect(await members()).toBe(200);
    } finally {
      counted.relay.release();
    }
  });

  it('turns away a session that does not hold after that same first round trip', async () => {
    const [id] = world.tokens.adminA!.split('.');
    const forged = `${id}.${'a'.repeat(24)}`;
    // BEGIN with the entry, then ROLLBACK.
    expect(await counting(async () => expect(await members(forged)).toBe(401))).toBe(2);
  });
});
