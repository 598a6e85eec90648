import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { createDatabase } from '@city/db/connect';
import { buildWorld, createTestApp, testDatabase, type TestApp } from '@city/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Round trips to the database per request, counted on the wire: a relay between the API's pool and Postgres reads
 * the messages the client sends and counts those that end a round trip — a simple Query ('Q') or an extended
 * query's Sync ('S'), after each of which node-postgres waits for the server before sending anything more. It can
 * also hold back the queries whose text matches, to show what a request does not wait for.
 */
class CountingRelay {
  messages = 0;
  holding: RegExp | undefined;
  private held: (() => void)[] = [];
  private server: Server | undefined;

  async start(target: URL): Promise<URL> {
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port || 5432), target.hostname);
      let pending = Buffer.alloc(0);
      // The startup packet (and an SSL request before it) has no type byte: length first.
      let untyped = true;
      // Messages go upstream in order, one at a time once one is held.
      let line = Promise.resolve();
      client.on('data', (chunk: Buffer) => {
        pending = Buffer.concat([pending, chunk]);
        for (;;) {
          const header = untyped ? 4 : 5;
          if (pending.length < header) break;
          const length = pending.readInt32BE(untyped ? 0 : 1) + (untyped ? 0 : 1);
          if (pending.length < length) break;
          const message = pending.subarray(0, length);
          pending = pending.subarray(length);
          let hold = false;
          if (untyped) {
            // An SSL request (code 80877103) is followed by another untyped packet, the startup message.
            untyped = message.readInt32BE(4) === 80877103;
          } else if (message[0] === 0x51 || message[0] === 0x53) {
            this.messages++;
            hold = message[0] === 0x51 && !!this.holding?.test(message.subarray(5).toString());
          }
          line = line.then(async () => {
            if (hold) await new Promise<void>((release) => this.held.push(release));
            upstream.write(message);
          });
        }
      });
      upstream.on('data', (chunk) => client.write(chunk));
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const relayed = new URL(target);
    relayed.hostname = '127.0.0.1';
    relayed.port = String((this.server.address() as AddressInfo).port);
    return relayed;
  }

  /** Lets the held queries go on. */
  release() {
    this.holding = undefined;
    for (const go of this.held.splice(0)) go();
  }

  close() {
    return new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

describe.runIf(process.env.TEST_DATABASE === 'pg')('round trips to Postgres per request', () => {
  const relay = new CountingRelay();
  let h: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;

  beforeAll(async () => {
    // Migrated through the test kit first; then the app's pool goes through the relay.
    await (await testDatabase()).close();
    const url = await relay.start(new URL(process.env.DATABASE_URL!));
    h = await createTestApp({ database: await createDatabase({ url: url.toString(), driver: 'pg', poolSize: 1 }) });
    world = await buildWorld(h);
  });
  afterAll(async () => {
    await h?.close();
    await relay.close();
  });

  /**
   * The round trips `work` sends. The pool has one connection, so a query after it waits for everything before it —
   * what `work` left unanswered included — and is the one message the count must leave out.
   */
  const counting = async (work: () => Promise<unknown>) => {
    const flush = () => h.services.db.execute(sql`select 1`);
    await flush();
    const before = relay.messages;
    await work();
    await flush();
    return relay.messages - before - 1;
  };

  const members = async (token = world.tokens.adminA) => {
    const res = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/members?limit=20`, { token });
    return res.status;
  };

  it('reads a neighbourhood for a signed-in member in 2: BEGIN with the session and the entry, then the read', async () => {
    await members(); // the neighbourhood's slug looked up once, and kept
    // Three messages: BEGIN with the entry, the read, and COMMIT…
    expect(await counting(async () => expect(await members()).toBe(200))).toBe(3);
    // …which the request does not wait for (its transaction is read-only): answered while the COMMIT is held back.
    relay.holding = /^commit/i;
    try {
      expect(await members()).toBe(200);
    } finally {
      relay.release();
    }
  });

  it('turns away a session that does not hold after that same first round trip', async () => {
    const [id] = world.tokens.adminA!.split('.');
    const forged = `${id}.${'a'.repeat(24)}`;
    // BEGIN with the entry, then ROLLBACK.
    expect(await counting(async () => expect(await members(forged)).toBe(401))).toBe(2);
  });
});
