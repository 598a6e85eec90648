import { spawnSync } from 'node:child_process';

/**
 * The portal's tsconfig extends the one SvelteKit generates (`$app/tsconfig`); on a fresh clone it does not exist
 * until `svelte-kit sync` has run, and the portal's unit tests could not be compiled without it.
 */
export default function setup() {
  const sync = spawnSync('npx', ['svelte-kit', 'sync'], { cwd: 'apps/portal', stdio: 'inherit' });
  if (sync.status !== 0) throw new Error('svelte-kit sync failed');
}
