/** `npm run bench`: runs every tests/bench/*.bench.ts in turn; each prints its own tables. */
import { readdirSync } from 'node:fs';

process.env.TURBO_TELEMETRY_DISABLED = '1';
const only = process.argv[2];
const all = readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts'));
// A whole name picks that bench alone (`edge` is also part of `ledger`); otherwise every bench whose name contains it.
const benches = all.includes(`${only}.bench.ts`) ? [`${only}.bench.ts`] : all.filter((f) => !only || f.includes(only));
for (const file of benches.sort()) {
  console.log(`\n=== ${file}`);
  const bench = (await import(`./${file}`)) as { run(): Promise<void> };
  await bench.run();
}
