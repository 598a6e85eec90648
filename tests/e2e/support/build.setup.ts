import { spawnSync } from 'node:child_process';

/** The portal is built once for all browser journeys (each file then starts the product on its own database). */
export default function setup() {
  const build = spawnSync('npm', ['run', 'build', '-w', '@city/portal'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('portal build failed');
}
