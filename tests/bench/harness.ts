import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Database } from '@city/db';
import { newId } from '@city/plugin-sdk/schema';
import { sql } from 'drizzle-orm';
import { freePort } from '../support/free-port.ts';

/** How long each measurement runs (seconds), after a warm-up of a fifth of it. */
export const DURATION = Number(process.env.BENCH_DURATION ?? 8);
export const CONNECTIONS = 50;

/** A PII_KEY for a server under measurement (base64, 32 bytes). */
export function randomKey(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
}

/** The bench servers running, by origin: `measure` samples the memory of the one it loads. */
const serverPids = new Map<string, number>();

/** A process's resident memory in MB, from Linux's /proc (undefined elsewhere, or once it has exited). */
export function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
}

/**
 * Starts a server script in its own Node process, so the load generator (this process) and the server do not
 * share an event loop; the script prints `READY <json>` when it listens. Stopped by that process's own PID.
 */
export async function startServer(script: string, env: Record<string, string>) {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      // Not `production`: that refuses the dev SMS sender (a benchmark sends no real texts); `test` keeps it quiet.
      NODE_ENV: 'test',
      SMS_SENDER: 'dev',
      PII_KEY: randomKey(),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('READY '));
      if (line) resolve(JSON.parse(line.slice(6)));
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  serverPids.set(url, child.pid!);
  return {
    url,
    info,
    pid: child.pid!,
    async stop() {
      serverPids.delete(url);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** The server's peak resident memory during the run (MB), when it is a bench server of this process. */
  peakRssMb?: number | undefined;
}

export async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Measurement> {
  const run = (duration: number) => autocannon({ url, connections: CONNECTIONS, duration, headers });
  await run(Math.max(1, Math.round(DURATION / 5)));
  const pid = serverPids.get(new URL(url).origin);
  let peak: number | undefined;
  const sample = () => {
    const now = pid === undefined ? undefined : residentMb(pid);
    if (now !== undefined) peak = Math.max(peak ?? 0, now);
  };
  const sampler = setInterval(sample, 250);
  let result;
  try {
    result = await run(DURATION);
  } finally {
    clearInterval(sampler);
  }
  sample();
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    peakRssMb: peak,
  };
}

export function printTable(title: string, rows: Measurement[], baseline: Measurement) {
  console.log(`\n${title}  (${CONNECTIONS} connections, ${DURATION} s each)`);
  console.table(
    rows.map((r) => ({
      route: r.name,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      'vs baseline': `${((100 * r.requestsPerSecond) / baseline.requestsPerSecond).toFixed(1)}%`,
      'non-2xx': r.non2xx,
      errors: r.errors,
      ...(r.peakRssMb === undefined ? {} : { 'peak RSS MB': r.peakRssMb }),
    })),
  );
}

/** The API with the demo data, two baselines and tokens (see servers/api.server.ts). */
export const API_SERVER = 'tests/bench/servers/api.server.ts';

export interface BenchTarget {
  label: string;
  env: Record<string, string>;
  cleanup?: () => void;
}

/**
 * Where to measure: the embedded PGlite always; with DATABASE_URL also a Postgres database of the benchmark's own
 * (`city_bench`, recreated and migrated), so benchmark rows never mix with the test database.
 */
export function benchTargets(): BenchTarget[] {
  const dataDir = mkdtempSync(join(tmpdir(), 'city-bench-'));
  const targets: BenchTarget[] = [
    {
      label: 'PGlite (embedded)',
      env: { DATA_DIR: dataDir, DATABASE_URL: '' },
      cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
    },
  ];
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/city_bench';
    spawnSync('psql', [process.env.DATABASE_URL, '-qc', 'DROP DATABASE IF EXISTS city_bench'], { stdio: 'inherit' });
    spawnSync('psql', [process.env.DATABASE_URL, '-qc', 'CREATE DATABASE city_bench'], { stdio: 'inherit' });
    const migrate = spawnSync(process.execPath, ['apps/api/src/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      stdio: 'inherit',
    });
    if (migrate.status === 0)
      targets.push({ label: 'Postgres (node-postgres)', env: { DATABASE_URL: url.toString() } });
  }
  return targets;
}

export const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
export const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));

export interface Throughput {
  perSecond: number;
  seconds: number;
  p50: number;
  p99: number;
}

/**
 * Calls `task(0)` … `task(count − 1)` in this process, CONNECTIONS in flight (a new call starts as one ends): the
 * calls' rate and latencies (ms).
 */
export async function inFlight(count: number, task: (i: number) => Promise<unknown>): Promise<Throughput> {
  let next = 0;
  const latencies: number[] = [];
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const started = performance.now();
      await task(i);
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const ms = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: perSecond(count, ms),
    seconds: ms / 1000,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
  };
}

/**
 * The write benchmarks' baseline: one plain single-row insert (uuid, jsonb, timestamptz) per call into a scratch table
 * `(id uuid primary key, body jsonb not null, created_at timestamptz not null)`, through the pool given (use the
 * server's driver and pool size, as the app role), CONNECTIONS in flight.
 */
export function insertRate(db: Database, table: string, count: number, body: string): Promise<Throughput> {
  return inFlight(count, () =>
    db.execute(
      sql`insert into ${sql.identifier(table)} (id, body, created_at) values (${newId()}, ${body}::jsonb, now())`,
    ),
  );
}
