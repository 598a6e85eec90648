import { createServer, connect, type Socket } from 'node:net';
import { DevSmsSender } from '@city/auth';
import { tencentStandIn, tencentTestEnv } from '@city/auth/sms-carriers/stand-ins';
import { createApp } from '@city/api';
import { createTestApp, lastCode, randomPhone, schema, type TestApp } from '@city/testing';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plugins } from '../../apps/api/src/plugins.ts';
import { APP_LOGIN } from '../../infra/pgbouncer/app-login.ts';
import { startPgBouncer, type PgBouncer } from '../../infra/pgbouncer/pgbouncer.ts';
import { freePort } from '../support/free-port.ts';
import { startWorker, type EdgeWorker, type Transport } from './support/worker.ts';

const TRANSPORTS: Transport[] = ['websocket', 'hyperdrive'];

/**
 * The worker bundle inside workerd against the shared Postgres, beside the Node app on the same database: what one
 * writes, the other reads.
 */
let worker: EdgeWorker;
let node: TestApp;

beforeAll(async () => {
  [worker, node] = await Promise.all([startWorker(), createTestApp({ plugins })]);
});
afterAll(async () => {
  await worker?.close();
  await node?.close();
});

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** Signs a new person up through the worker, reading the code from its development inbox. */
async function signUpAtEdge(phone: string, password: string) {
  expect((await worker.fetch('/api/v1/auth/phone-codes', json({ phone, purpose: 'sign-up' }))).status).toBe(202);
  const inbox = await (await worker.fetch(`/api/v1/dev/sms?phone=${phone}`)).json();
  const code = inbox.items[0].text.match(/\d{6}/)[0];
  const res = await worker.fetch('/api/v1/auth/sign-up', json({ phone, code, password, displayName: '边缘居民' }));
  expect(res.status).toBe(201);
  expect(res.headers.get('set-cookie')).toMatch(/Secure/);
}

async function signUpAtNode(phone: string, password: string) {
  expect((await node.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose: 'sign-up' } })).status).toBe(
    202,
  );
  const code = lastCode(node.sms, phone);
  const res = await node.call('POST', '/api/v1/auth/sign-up', {
    json: { phone, code, password, displayName: '节点居民' },
  });
  expect(res.status).toBe(201);
}

describe.skipIf(!process.env.DATABASE_URL)('the API inside workerd', () => {
  it('answers its health check from the database', async () => {
    const res = await worker.fetch('/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'neon' });
  });

  it('publishes the same OpenAPI document as the Node server', async () => {
    // The worker runs with the development inbox, so the Node app compared with it does too.
    const nodeApp = createApp({ ...node.deps, devInbox: new DevSmsSender() });
    const [edgeDoc, nodeDoc] = await Promise.all([
      worker.fetch('/api/v1/openapi.json').then((r) => r.json()),
      Promise.resolve(nodeApp.request('/api/v1/openapi.json')).then((r) => r.json()),
    ]);
    expect(edgeDoc.paths['/api/v1/dev/sms']).toBeDefined();
    expect(edgeDoc).toEqual(nodeDoc);
  });

  it('signs in with a password the Node server hashed, and the other way round', async () => {
    const fromNode = randomPhone();
    await signUpAtNode(fromNode, 'node-口令-1');
    const atEdge = await worker.fetch('/api/v1/auth/sign-in', json({ phone: fromNode, password: 'node-口令-1' }));
    expect(atEdge.status).toBe(200);
    const me = await worker.fetch('/api/v1/me', {
      headers: { authorization: `Bearer ${(await atEdge.json()).token}` },
    });
    expect((await me.json()).user.phone).toBe(fromNode);
    const wrong = await worker.fetch('/api/v1/auth/sign-in', json({ phone: fromNode, password: 'not-it' }));
    expect(wrong.status).toBe(401);

    const fromEdge = randomPhone();
    await signUpAtEdge(fromEdge, 'edge-口令-2');
    const atNode = await node.call('POST', '/api/v1/auth/sign-in', {
      json: { phone: fromEdge, password: 'edge-口令-2' },
    });
    expect(atNode.status).toBe(200);
  });

  it("answers every request with the settings that are missing, in the reader's language", async () => {
    const broken = await startWorker({ PII_KEY: undefined, PUBLIC_URL: 'edge.example' });
    try {
      for (const locale of ['en', 'zh-CN']) {
        const res = await broken.fetch('/api/v1/health', { headers: { 'accept-language': locale } });
        expect(res.status).toBe(500);
        const problem = await res.json();
        expect(problem).toMatchObject({ code: 'server_misconfigured', status: 500 });
        expect(problem.title).toEqual(
          locale === 'en' ? expect.stringMatching(/misconfigured/) : expect.stringMatching(/配置/),
        );
        expect(problem.detail).toContain('PII_KEY is not set');
        expect(problem.detail).toContain('PUBLIC_URL is not an http(s) URL');
      }
    } finally {
      await broken.close();
    }
  });

  it('texts a sign-up code through a real carrier protocol (Tencent Cloud, signed TC3-HMAC-SHA256)', async () => {
    const carrier = await tencentStandIn('tencent-secret-key');
    const texting = await startWorker({
      ...tencentTestEnv('tencent-secret-key', carrier.url),
      DEV_SMS_INBOX: undefined,
    });
    try {
      const phone = randomPhone();
      const res = await texting.fetch('/api/v1/auth/phone-codes', json({ phone, purpose: 'sign-up' }));
      expect(res.status).toBe(202);
      // Signed as Tencent checks it: the stand-in verifies the signature with the secret.
      expect(carrier.requests).toHaveLength(1);
      expect(carrier.requests[0]).toMatchObject({ action: 'SendSms', signed: true });
      expect(JSON.stringify(carrier.requests[0]!.body)).toContain(phone.slice(-4));
      // No development inbox where a carrier sends.
      expect((await texting.fetch(`/api/v1/dev/sms?phone=${phone}`)).status).toBe(404);
    } finally {
      await texting.close();
      await carrier.close();
    }
  });

  it('refuses to serve through a login that bypasses row-level security', async () => {
    const owner = await startWorker({ DATABASE_URL: process.env.DATABASE_URL });
    try {
      const res = await owner.fetch('/api/v1/health', { headers: { 'accept-language': 'en' } });
      expect(res.status).toBe(500);
      const problem = await res.json();
      expect(problem.code).toBe('server_misconfigured');
      expect(problem.detail).toMatch(/bypasses row-level security/);
    } finally {
      await owner.close();
    }
  });
  it("counts each visitor the portal forwards by their own address, and no one else's forwarding", async () => {
    // Addresses of this run only: on the shared Postgres others' counters must not meet them.
    const visitor = `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 250)}`;
    const claimed = `198.19.${Math.floor(Math.random() * 256)}.7`;
    const stranger = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const portal = `100.64.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;
    const behindPortal = await startWorker({ TRUSTED_PROXIES: portal });
    const failedSignIn = async (headers: Record<string, string>) => {
      const body = JSON.stringify({ phone: randomPhone(), password: 'not-the-password' });
      const res = await behindPortal.fetch('/api/v1/auth/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
      expect(res.status).toBe(401);
    };
    try {
      await failedSignIn({ 'cf-connecting-ip': portal, 'x-forwarded-for': visitor });
      await failedSignIn({ 'cf-connecting-ip': stranger, 'x-forwarded-for': claimed });
    } finally {
      await behindPortal.close();
    }
    const counted = await node.database.db
      .select({ key: schema.rateLimits.key })
      .from(schema.rateLimits)
      .where(
        inArray(
          schema.rateLimits.key,
          [visitor, claimed, stranger, portal].map((a) => `sign-in:ip:${a}`),
        ),
      );
    expect(counted.map((row) => row.key).sort()).toEqual([`sign-in:ip:${stranger}`, `sign-in:ip:${visitor}`].sort());
  });

  it('answers 500 while Hyperdrive cannot reach the database, and serves as soon as it can', async () => {
    const database = new URL(process.env.DATABASE_URL!);
    const port = await freePort();
    const target = new URL(database);
    target.username = APP_LOGIN;
    target.port = String(port);
    const worker = await startWorker({ DATABASE_URL: target.toString() }, 'hyperdrive');
    // Nothing listens on the port yet: the TCP connection is refused.
    const down = await worker.fetch('/api/v1/health', { headers: { 'accept-language': 'en' } });
    expect(down.status).toBe(500);
    expect(down.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await down.json()).code).toBe('internal');
    // Then the database comes up on that port: the failed start was not kept.
    const sockets = new Set<Socket>();
    const relay = createServer((client) => {
      const server = connect({ host: database.hostname, port: Number(database.port || 5432) });
      sockets.add(client).add(server);
      client.pipe(server).pipe(client);
      client.on('error', () => server.destroy());
      server.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(port, '127.0.0.1', resolve));
    try {
      const up = await worker.fetch('/api/v1/health');
      expect(up.status).toBe(200);
    } finally {
      await worker.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL).each(TRANSPORTS)(
  'the API inside workerd through PgBouncer in transaction mode, over %s',
  (transport) => {
    let bouncer: PgBouncer;
    let pooled: EdgeWorker;

    beforeAll(async () => {
      // Fewer server connections than concurrent requests: requests take turns on shared backends.
      bouncer = await startPgBouncer({
        target: process.env.DATABASE_URL!,
        maxServerConnections: 4,
        users: [APP_LOGIN],
      });
      const url = new URL(bouncer.url);
      url.username = APP_LOGIN;
      pooled = await startWorker({ DATABASE_URL: url.toString() }, transport);
    });
    afterAll(async () => {
      await pooled?.close();
      await bouncer?.stop();
    });

    it('signs a person up and in, and answers 40 concurrent reads of their session', async () => {
      const phone = randomPhone();
      expect((await pooled.fetch('/api/v1/auth/phone-codes', json({ phone, purpose: 'sign-up' }))).status).toBe(202);
      const inbox = await (await pooled.fetch(`/api/v1/dev/sms?phone=${phone}`)).json();
      const code = inbox.items[0].text.match(/\d{6}/)[0];
      const signUp = await pooled.fetch(
        '/api/v1/auth/sign-up',
        json({ phone, code, password: 'pooled-1', displayName: '池' }),
      );
      expect(signUp.status).toBe(201);
      const signIn = await pooled.fetch('/api/v1/auth/sign-in', json({ phone, password: 'pooled-1' }));
      const { token } = await signIn.json();
      const reads = await Promise.all(
        Array.from({ length: 40 }, () =>
          pooled.fetch('/api/v1/me', { headers: { authorization: `Bearer ${token}` } }).then(async (res) => ({
            status: res.status,
            phone: res.status === 200 ? (await res.json()).user.phone : null,
          })),
        ),
      );
      expect(reads.filter((read) => read.status !== 200)).toEqual([]);
      expect(new Set(reads.map((read) => read.phone))).toEqual(new Set([phone]));
    });
  },
);
