import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/free-port.ts';

/** Starts after the first, with the data and the build they left: the median is reported. */
const WARM_STARTS = Number(process.env.START_RUNS ?? 3);
const TARGET = { first: 15, warm: 5 };

const seconds = (ms: number) => Number((ms / 1000).toFixed(1));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function timed(command: string, args: string[], cwd: string) {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  return performance.now() - started;
}

/**
 * `npm start` in `dir` until its first page answers 200 (the landing page, rendered by the portal from the API's
 * data), then stopped with its whole process group (npm, turbo, the server).
 */
async function timeStart(dir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4000)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}):\n${errors}`);
      const status = await fetch(`http://127.0.0.1:${port}/`).then(
        (res) => res.status,
        () => 0,
      );
      if (status === 200) return performance.now() - started;
      if (performance.now() - started > 300_000) throw new Error(`no first page after 300 s:\n${errors}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
}

/**
 * The README's first command from a fresh clone of this repository's HEAD (commit first: the working tree is not
 * cloned): `npm install` (timed for information; its last step prepares the first start, tools/prepare-start.ts),
 * then the first `npm start` to its first page on a new embedded database, then starts with the data it left.
 */
export async function run() {
  const dir = await mkdtemp(join(tmpdir(), 'city-bench-start-'));
  try {
    timed('git', ['clone', '-q', process.cwd(), dir], process.cwd());
    const install = timed('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], dir);
    const first = await timeStart(dir);
    const warm: number[] = [];
    for (let i = 0; i < WARM_STARTS; i++) warm.push(await timeStart(dir));
    console.log('\nnpm start, fresh clone of HEAD, seconds to the first page (200)');
    console.table([
      { step: 'npm install (information)', seconds: seconds(install), target: '' },
      { step: 'first npm start (new database)', seconds: seconds(first), target: `< ${TARGET.first}` },
      {
        step: `later npm start (median of ${warm.length}: ${warm.map(seconds).join(', ')})`,
        seconds: seconds(median(warm)),
        target: `< ${TARGET.warm}`,
      },
    ]);
    const verdict = (value: number, target: number) => (value / 1000 < target ? 'PASS' : 'MISS');
    console.log(
      `first start ${verdict(first, TARGET.first)}; later starts ${verdict(median(warm), TARGET.warm)}` +
        ` (targets ${TARGET.first} s and ${TARGET.warm} s)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
