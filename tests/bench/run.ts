/** `npm run bench`: runs every tests/bench/*.bench.ts in turn; each prints its own tables. */
import { readdirSync } from 'node:fs';

process.env.TURBO_TELEMETRY_DISABLED = '1';
const only = process.argv[2];
const benches = readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
for (const file of benches.sort()) {
  console.log(`\n=== ${file}`);
  const bench = (await import(`./${file}`)) as { run(): Promise<void> };
  await bench.run();
}
