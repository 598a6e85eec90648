import { describe, expect, it } from 'vitest';
import { definePluginServer } from '@city/plugin-sdk/server';
import { buildWorld, countedDatabase, createTestApp, useWorld, type TestApp, type World } from '@city/testing';
import { servicesPlugin } from './index.ts';
import { openVendor, orderBody, paths } from './testing.ts';

/**
 * The statements sent while the plugin's route handlers run: its own queries and the core capabilities it calls —
 * not the framework's part of the request around the handler (session, transaction, tenant, install), which the
 * count on the wire below takes in.
 */
const sent: string[] = [];
let inHandler = false;

/** The plugin's own statements are those on its tables; the rest are what its capability calls cost. */
const own = () => sent.filter((statement) => statement.includes('"services_'));

type Router = Parameters<NonNullable<typeof servicesPlugin.routes>>[0];

/** The router the plugin defines its routes on, each handler marking the time it runs. */
function markingHandlers(router: Router): Router {
  const marking: Router = new Proxy(router, {
    get(target, key, receiver) {
      if (key !== 'openapi') return Reflect.get(target, key, receiver);
      return (route: never, handler: (c: unknown) => Promise<unknown>, hook?: never) => {
        const marked = async (c: unknown) => {
          inHandler = true;
          try {
            return await handler(c);
          } finally {
            inHandler = false;
          }
        };
        target.openapi(route, marked as never, hook);
        return marking;
      };
    },
  });
  return marking;
}

/** The app's transactions note each statement they prepare (drizzle prepares every statement it sends, once). */
function noteStatements(db: TestApp['deps']['db']) {
  const open = db.transaction.bind(db);
  const noting = <T extends object>(tx: T): T =>
    new Proxy(tx, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== 'session') return value;
        const session = value as { prepareQuery: (query: { sql: string }, ...rest: unknown[]) => unknown };
        return new Proxy(session, {
          get(s, k, r) {
            if (k !== 'prepareQuery') return Reflect.get(s, k, r);
            return (query: { sql: string }, ...rest: unknown[]) => {
              if (inHandler) sent.push(query.sql);
              return s.prepareQuery(query, ...rest);
            };
          },
        });
      },
    });
  db.transaction = ((fn: (tx: object) => Promise<unknown>, config?: never) =>
    open((tx) => fn(noting(tx)), config)) as typeof db.transaction;
}

const current = useWorld({
  plugins: [
    definePluginServer({ ...servicesPlugin, routes: (router) => servicesPlugin.routes!(markingHandlers(router)) }),
  ],
});

/** residentA's order for the vendor's slot, under an Idempotency-Key. */
const placing = (h: TestApp, world: World, s: Awaited<ReturnType<typeof openVendor>>) => (key: string) =>
  h.call('POST', `${paths(world).a}/orders`, {
    token: world.tokens.residentA,
    json: orderBody(s),
    headers: { 'Idempotency-Key': key },
  });

describe('placing an order: round trips', () => {
  it('a new order is one read and one write of the plugin’s own, and the notification; the answer is not re-read', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    noteStatements(h.deps.db);
    const place = placing(h, world, s);

    sent.length = 0;
    const placed = await place('first');
    expect(placed.status).toBe(201);
    expect(own()).toHaveLength(2);
    expect(own()[1]).toMatch(/^with "placed" as \(insert into "services_orders"/);
    // The business's notification (migration 0047); the resident's homes were read with the install, before it.
    expect(sent).toHaveLength(3);
    // Built from the rows written, the answer is the order as a re-read shows it.
    const shown = await h.call('GET', `${paths(world).a}/orders/${placed.body.id}`, { token: world.tokens.residentA });
    expect(placed.body).toEqual(shown.body);

    // A replay answers the order as it is now: the read finds it under its key, then its detail. The notifier's work
    // after the first order (the business's notification sent) is done before, so that only the replay is counted.
    await h.services.notifier.idle();
    sent.length = 0;
    const again = await place('first');
    expect(again.body).toEqual(shown.body);
    expect(own()).toHaveLength(5);
    expect(sent).toHaveLength(5);
  });
});

describe.runIf(process.env.TEST_DATABASE === 'pg')('placing an order: round trips on the wire', () => {
  it('costs at most 5: the entry, the install with the homes, the plugin’s read, its write, the business told with COMMIT', async () => {
    const counted = await countedDatabase();
    const h = await createTestApp({ database: counted.database, plugins: [servicesPlugin] });
    try {
      const world = await buildWorld(h);
      const place = placing(h, world, await openVendor(h, world));
      await place('warm'); // the neighbourhood's slug looked up once, and kept
      // What the warm-up left to do after its commit (the business's notification sent) is done before counting.
      await h.services.notifier.idle();
      let status = 0;
      const trips = await counted.count(h, async () => {
        ({ status } = await place('counted'));
      });
      expect(status).toBe(201);
      // The request's own: from its entry to its COMMIT; the notifier's work after it is not the request's.
      const request = trips.slice(0, trips.findIndex((trip) => /\bcommit$/i.test(trip)) + 1);
      expect(request[0]).toMatch(/app_enter_session/);
      expect(request.length, request.join('\n---\n')).toBeLessThanOrEqual(5);
      expect(request.at(-1)).toMatch(/^\/\* with the next statement \*\/ select app_send_notification\(/);
    } finally {
      await h.close();
      await counted.relay.close();
    }
  });
});
