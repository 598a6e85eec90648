/**
 * `npm test`: unit → integration (PGlite) → postgres, neon and edge (only with DATABASE_URL) → e2e (Chromium).
 * Stops at the first failing project and ends with one summary line, "N passed, M failed".
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const projects = ['unit', 'integration', ...(process.env.DATABASE_URL ? ['postgres', 'neon', 'edge'] : []), 'e2e'];
const artifacts = 'tests/.artifacts';
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
let exitCode = 0;
for (const project of projects) {
  const report = `${artifacts}/${project}.json`;
  rmSync(report, { force: true });
  console.log(`\n▶ ${project}`);
  const run = spawnSync(
    'vitest',
    [
      'run',
      '--project',
      project,
      '--passWithNoTests',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    { stdio: 'inherit', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
  );
  try {
    const result = JSON.parse(readFileSync(report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    passed += result.numPassedTests;
    failed += result.numFailedTests;
  } catch {
    failed += 1; // the runner died before writing its report
  }
  if (run.status !== 0) {
    exitCode = run.status ?? 1;
    console.error(`✗ ${project} failed; later projects were not run`);
    break;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(exitCode);
