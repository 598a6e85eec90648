import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerBundle } from '../../../apps/api/edge/build.ts';

/** The workerd release Miniflare is pinned to (package.json), and the date the worker is written against. */
export const COMPATIBILITY_DATE = '2026-07-30';

/**
 * Miniflare's options for the bundle as a deploy uploads it (docs/deploying.md): the script, WebAssembly the runtime
 * compiles when it loads it, the static assets behind the ASSETS binding (requests reach the worker first), and the
 * runtime's Node APIs.
 */
export function uploadOptions({ dir, file, assets }: WorkerBundle) {
  return {
    modulesRoot: dir,
    modules: [
      { type: 'ESModule' as const, path: file },
      ...readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.wasm'))
        .map((name) => ({ type: 'CompiledWasm' as const, path: join(dir, name) })),
    ],
    assets: { directory: assets, binding: 'ASSETS', routerConfig: { has_user_worker: true } },
    compatibilityDate: COMPATIBILITY_DATE,
    compatibilityFlags: ['nodejs_compat'],
  };
}
