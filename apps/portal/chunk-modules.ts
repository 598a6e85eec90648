import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Plugin } from 'vite';

/** Where the client build's record of its chunks goes: beside the build output, never served to browsers. */
export const CHUNK_MODULES = join(import.meta.dirname, '.svelte-kit/output/client-chunks.json');
const root = join(import.meta.dirname, '../..');

/**
 * Records which source modules each browser chunk holds, as the bundler made it, so a test can prove that no server
 * code (drizzle, zod-to-openapi, a plugin's tables) reaches browsers, and name the module when one does.
 */
export function chunkModules(): Plugin {
  return {
    name: 'city:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (this.environment.name !== 'client') return;
      const chunks = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? [{ file: output.fileName, modules: output.moduleIds.map((id) => relative(root, id.replace(/^\0/, ''))) }]
          : [],
      );
      mkdirSync(dirname(CHUNK_MODULES), { recursive: true });
      writeFileSync(CHUNK_MODULES, JSON.stringify(chunks, null, 1));
    },
  };
}
