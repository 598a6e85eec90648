import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../tests/support/free-port.ts';

export interface PgBouncerOptions {
  /** The server to pool, e.g. postgres://postgres@127.0.0.1:5432/test. Clients name the same database. */
  target: string;
  poolMode?: 'transaction';
  /** Server connections to the target, over all users: 1 makes every client share one backend. */
  maxServerConnections?: number;
  /** Logins besides the target's user that may connect (auth is trust: the names must still be listed). */
  users?: readonly string[];
}

export interface PgBouncer {
  /** The target URL with the pooler's host and port. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const BINARY = '/usr/sbin/pgbouncer';

/**
 * A PgBouncer for tests, on 127.0.0.1 and a free port, trusting every listed user (the local test server trusts them
 * too). The settings are the production ones that matter (README.md): transaction pooling, nothing carried between
 * clients.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<PgBouncer> {
  const target = new URL(options.target);
  const database = decodeURIComponent(target.pathname.slice(1)) || 'postgres';
  const owner = decodeURIComponent(target.username) || 'postgres';
  const servers = options.maxServerConnections ?? 10;
  const dir = await mkdtemp(join(tmpdir(), 'pgbouncer-'));
  // PgBouncer refuses to run as root: it drops to the postgres user, which must read its configuration.
  await chmod(dir, 0o755);
  const users = [...new Set([owner, ...(options.users ?? [])])];
  await writeFile(join(dir, 'users.txt'), users.map((u) => `"${u}" ""\n`).join(''), { mode: 0o644 });

  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const ini = [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port || 5432} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${join(dir, 'users.txt')}`,
      `pool_mode = ${options.poolMode ?? 'transaction'}`,
      `default_pool_size = ${servers}`,
      `max_db_connections = ${servers}`,
      'reserve_pool_size = 0',
      'server_reset_query = DISCARD ALL',
      'server_reset_query_always = 0',
      // Sent by some clients and harmless; never `options`, which would silently drop the role (README.md).
      'ignore_startup_parameters = extra_float_digits',
      'log_connections = 0',
      'log_disconnections = 0',
      '',
    ].join('\n');
    await writeFile(join(dir, 'pgbouncer.ini'), ini, { mode: 0o644 });
    const asRoot = process.getuid?.() === 0;
    const child = spawn(BINARY, [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
    try {
      await listening(child, port);
    } catch (error) {
      await stopped(child);
      // Another process may have taken the port between freePort() and the bind.
      if (attempt < 3 && /Address already in use/.test(log)) continue;
      await rm(dir, { recursive: true, force: true });
      throw new Error(`pgbouncer did not start: ${(error as Error).message}\n${log}`, { cause: error });
    }
    const url = new URL(target);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    return {
      url: url.toString(),
      port,
      async stop() {
        await stopped(child);
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}

/** Resolves once the port accepts a connection; rejects if the process exits first or after 10 s. */
async function listening(child: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited (${child.exitCode})`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('not listening after 10 s');
}

/** SIGTERM is PgBouncer's immediate shutdown: clients are cut, server connections closed. */
async function stopped(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
