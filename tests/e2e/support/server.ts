import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port.ts';

/**
 * The product as `npm start` runs it (the portal's build and the server's bundle are made by the e2e project's global
 * setup, tools/start.ts finds them): one Node process serving API and portal on an embedded database in a temporary directory, seeded with the demo district, with `env`
 * added to its environment. Stopped by the node process's own PID.
 */
export async function startProduct(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['tools/start.ts'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    output: () => output,
    /** The newest six-digit code the dev SMS sender texted to a number. */
    async smsCode(phone: string): Promise<string> {
      const res = await fetch(`${url}/api/v1/dev/sms?phone=${phone}`);
      const { items } = (await res.json()) as { items: { text: string }[] };
      const code = items[0]?.text.match(/\d{6}/)?.[0];
      if (!code) throw new Error(`no SMS code for ${phone}`);
      return code;
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Product = Awaited<ReturnType<typeof startProduct>>;
