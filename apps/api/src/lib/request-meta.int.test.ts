import type { AddressInfo } from 'node:net';
import { createTestApp, randomPhone, schema } from '@city/testing';
import { like } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serveNode } from '../node.ts';

/**
 * TRUST_PROXY over real HTTP: the API served by the Node listener on a loopback port, each request a sign-in that
 * fails, and the address it was counted against read back from the limiter's own table.
 */
const stops: (() => Promise<void>)[] = [];
/** The client's address, of this run alone: on a shared Postgres, other runs' counters must not meet it. */
const client = `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 254) + 1}`;
afterEach(async () => {
  while (stops.length) await stops.pop()!();
  vi.unstubAllEnvs();
});

async function served(trustProxy: number, options: { portal?: boolean } = {}) {
  const h = await createTestApp({ trustProxy });
  const fallback = (_req: unknown, res: { writeHead(status: number): { end(): void } }) => res.writeHead(404).end();
  const server = await serveNode(h.app, { port: 0, host: '127.0.0.1', ...(options.portal ? { fallback } : {}) });
  stops.push(async () => {
    await new Promise((resolve) => server.close(resolve));
    await h.close();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  /** The address a failed sign-in was counted against, for a request carrying this X-Forwarded-For. */
  async function counted(forwardedFor?: string, init: { peer?: string } = {}) {
    const phone = randomPhone();
    const request = {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
      body: JSON.stringify({ phone, password: 'not-the-password' }),
    };
    // A peer other than loopback cannot connect from inside a test: the Node listener's bindings are handed over
    // as it would (an external visitor reaching the combined server directly).
    const res = init.peer
      ? await h.app.request('/api/v1/auth/sign-in', request, {
          incoming: { socket: { remoteAddress: init.peer } },
          portalOnLoopback: options.portal,
        })
      : await fetch(`${url}/api/v1/auth/sign-in`, request);
    expect(res.status).toBe(401);
    const prefix = `sign-in:pair:${phone}:`;
    const rows = await h.database.db
      .select({ key: schema.rateLimits.key })
      .from(schema.rateLimits)
      .where(like(schema.rateLimits.key, `${prefix}%`));
    expect(rows).toHaveLength(1);
    return rows[0]!.key.slice(prefix.length);
  }
  return { counted };
}

describe('the caller address (TRUST_PROXY)', () => {
  it('is the socket address by default: X-Forwarded-For is ignored', async () => {
    const api = await served(0);
    expect(await api.counted()).toBe('127.0.0.1');
    expect(await api.counted(client)).toBe('127.0.0.1');
    expect(await api.counted(`${client}, 198.51.100.4`)).toBe('127.0.0.1');
  });

  it('is the entry our one proxy appended with TRUST_PROXY=1', async () => {
    const api = await served(1);
    expect(await api.counted(client)).toBe(client);
    // Nothing forwarded: the request did not come through the proxy, and counts against its own peer.
    expect(await api.counted()).toBe('127.0.0.1');
  });

  it('cannot be picked by a client prepending addresses of its choice', async () => {
    const one = await served(1);
    for (const spoofed of [`1.1.1.1, ${client}`, `10.0.0.1,10.0.0.2,  ${client}`, `unknown, ${client}`]) {
      expect(await one.counted(spoofed)).toBe(client);
    }
    const two = await served(2);
    expect(await two.counted(`1.1.1.1, ${client}, 192.0.2.50`)).toBe(client);
  });

  it('on the combined server, is the visitor the portal names over loopback, and never what a visitor claims', async () => {
    const api = await served(0, { portal: true });
    expect(await api.counted(client)).toBe(client);
    expect(await api.counted(`1.1.1.1, ${client}`)).toBe(client);
    // A visitor calling the API directly: its own address, whatever it writes.
    expect(await api.counted('1.1.1.1', { peer: '198.51.100.4' })).toBe('198.51.100.4');
    expect(await api.counted(undefined, { peer: '198.51.100.4' })).toBe('198.51.100.4');
  });

  it('refuses a combined server behind proxies unless the portal reads addresses the same way', async () => {
    const h = await createTestApp();
    stops.push(() => h.close());
    const fallback = () => undefined;
    vi.stubEnv('TRUST_PROXY', '1');
    expect(() => serveNode(h.app, { port: 0, fallback })).toThrow(
      'TRUST_PROXY=1 with the portal: also set ADDRESS_HEADER=x-forwarded-for and XFF_DEPTH=1',
    );
    vi.stubEnv('TRUST_PROXY', 'two');
    expect(() => serveNode(h.app, { port: 0, fallback })).toThrow('TRUST_PROXY is a number of proxy hops');
  });
});
