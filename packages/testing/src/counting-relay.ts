import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { createDatabase } from '@city/db/connect';
import { testDatabase } from '@city/db/testing';
import { sql } from 'drizzle-orm';
import type { TestApp } from './harness.ts';

/**
 * Round trips to the database per request, counted on the wire: a relay between the API's pool and Postgres reads
 * the messages the client sends and counts those that end a round trip — a simple Query ('Q') or an extended
 * query's Sync ('S'), after each of which node-postgres waits for the server before sending anything more. It can
 * also hold back the queries whose text matches, to show what a request does not wait for.
 */
export class CountingRelay {
  messages = 0;
  /** Each round trip's text, in order: a simple Query's, or the statement an extended query's Sync ended. */
  trips: string[] = [];
  private parsed = '';
  private readonly prepared = new Map<string, string>();
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
            this.trips.push(message[0] === 0x51 ? message.subarray(5, -1).toString() : this.parsed);
          } else if (message[0] === 0x50) {
            // Parse: the statement's name, then its text, each ending in a zero byte.
            const end = message.indexOf(0, 5);
            const text = message.subarray(end + 1, message.indexOf(0, end + 1)).toString();
            this.prepared.set(message.subarray(5, end).toString(), text);
          } else if (message[0] === 0x42) {
            // Bind: the portal's name, then the statement's (a named one was parsed once, on an earlier trip).
            const start = message.indexOf(0, 5) + 1;
            this.parsed = this.prepared.get(message.subarray(start, message.indexOf(0, start)).toString()) ?? '';
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

/**
 * A Postgres database (DATABASE_URL, the core migrated first; createTestApp adds its plugins') whose one-connection
 * pool talks through a counting relay, and `count`, the round trips some work sends (each one's text). The pool's one
 * connection makes a query after the work wait for everything before it — what the work left unanswered included —
 * and that query is left out.
 */
export async function countedDatabase() {
  await (await testDatabase()).close();
  const relay = new CountingRelay();
  const url = await relay.start(new URL(process.env.DATABASE_URL!));
  const database = await createDatabase({ url: url.toString(), driver: 'pg', poolSize: 1 });
  const count = async (h: TestApp, work: () => Promise<unknown>) => {
    const flush = () => h.services.db.execute(sql`select 1`);
    await flush();
    relay.trips = [];
    await work();
    await flush();
    return relay.trips.slice(0, -1);
  };
  return { database, relay, count };
}
