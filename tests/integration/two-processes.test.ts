import { spawn, type ChildProcess } from 'node:child_process';
import { buildWorld, createTestApp, type TestApp } from '@city/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/free-port.ts';

/** The API as `npm run start:api` runs it, on the shared Postgres; resolves once it answers its health check. */
async function startApi() {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['apps/api/src/node.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      NODE_ENV: 'test',
      SEED_DEMO: 'false',
      SMS_SENDER: 'dev',
      PII_KEY: btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32)))),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    call: (method: string, path: string, token: string | undefined) =>
      fetch(`${url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} }),
    stop: () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/**
 * No API process keeps what another may change: a session signed out, or a member removed, through one process is
 * refused by the other on its very next request (sessions and memberships are read with every request, in the round
 * trip that enters the neighbourhood, never cached).
 */
describe.runIf(process.env.TEST_DATABASE === 'pg')('two API processes sharing one database', () => {
  let h: TestApp;
  let world: Awaited<ReturnType<typeof buildWorld>>;
  let one: Awaited<ReturnType<typeof startApi>>;
  let other: Awaited<ReturnType<typeof startApi>>;

  beforeAll(async () => {
    // The people, neighbourhoods and sessions are written straight into the shared database (migrated by the kit).
    h = await createTestApp();
    world = await buildWorld(h);
    [one, other] = await Promise.all([startApi(), startApi()]);
  });
  afterAll(async () => {
    await Promise.all([one?.stop(), other?.stop()]);
    await h?.close();
  });

  const members = () => `/api/v1/t/${world.tenantA.slug}/members?limit=5`;

  it('refuses a session signed out through the other process on its next request', async () => {
    const token = world.tokens.staffA;
    expect((await one.call('GET', members(), token)).status).toBe(200);
    expect((await other.call('GET', members(), token)).status).toBe(200);
    expect((await one.call('POST', '/api/v1/auth/sign-out', token)).status).toBe(204);
    expect((await other.call('GET', members(), token)).status).toBe(401);
    expect((await other.call('GET', '/api/v1/me', token)).status).toBe(401);
  });

  it('refuses a member removed through the other process on their next request', async () => {
    const token = world.tokens.committeeA;
    const path = `/api/v1/t/${world.tenantA.slug}`;
    expect((await other.call('GET', path, token)).status).toBe(200);
    const list = (await (await one.call('GET', `${path}/members?limit=100`, world.tokens.adminA)).json()) as {
      items: { id: string; userId: string }[];
    };
    const member = list.items.find((m) => m.userId === world.users.committeeA.id)!;
    expect((await one.call('DELETE', `${path}/members/${member.id}`, world.tokens.adminA)).status).toBe(204);
    expect((await other.call('GET', path, token)).status).toBe(404);
  });
});
