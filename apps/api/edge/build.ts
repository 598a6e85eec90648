import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'rolldown';
import { esmExternalRequirePlugin } from 'rolldown/plugins';
import { buildFontAssets } from '@city/documents/font-assets';
import { precompiledWasm } from './precompiled-wasm.ts';

/** The worker's entry: the Hono app behind a Workers fetch/scheduled handler (apps/api/src/edge.ts). */
const ENTRY = join(import.meta.dirname, '../src/edge.ts');
export const WORKER_FILE = 'worker.js';

/**
 * Node's built-in modules stay imports: workerd provides them under `nodejs_compat`. CommonJS libraries `require()`
 * them, which a Worker cannot (there is no `require`), so those calls become ES imports.
 */
const builtins = builtinModules.filter((name) => !name.startsWith('_'));
const BARE_BUILTIN = `(${builtins.join('|')})(/[\\w/]+)?`;

/** workerd knows its Node modules by their `node:` names only: bare `require('stream')` and `from 'fs'` are renamed. */
function prefixNodeBuiltins(): Plugin {
  const bare = new RegExp(`^${BARE_BUILTIN}$`);
  const required = new RegExp(`\\brequire\\((['"])${BARE_BUILTIN}\\1\\)`, 'g');
  return {
    name: 'city:prefix-node-builtins',
    resolveId: (source) => (bare.test(source) ? { id: `node:${source}`, external: true } : null),
    transform: {
      filter: { code: /\brequire\(/ },
      handler: (code) => ({
        code: code.replace(required, (_, quote, name, path = '') => `require(${quote}node:${name}${path}${quote})`),
      }),
    },
  };
}

/**
 * Native modules no Worker can load. Their importers load them lazily and say what they cannot do without them
 * (sharp: photo uploads answer `image_processing_unavailable`); in the bundle their import fails with this error.
 */
const LEFT_OUT = ['sharp'];

function leaveOut(): Plugin {
  const prefix = '\0city-left-out:';
  return {
    name: 'city:leave-out',
    resolveId: (source) => (LEFT_OUT.includes(source) ? prefix + source : null),
    load: (id) =>
      id.startsWith(prefix)
        ? `throw new Error(${JSON.stringify(`${id.slice(prefix.length)} is native code, left out of the Workers build`)});`
        : null,
  };
}

export interface WorkerBundle {
  dir: string;
  file: string;
  /** Static assets the worker reads through its ASSETS binding (the PDF fonts, decoded to TrueType). */
  assets: string;
  bytes: number;
  gzip: number;
}

/**
 * Bundles the API for workerd with the project's own bundler (rolldown, as Vite 8 uses it): one ES module, Workers
 * export conditions, minified. `import.meta.url` means nothing inside a bundle uploaded as one script (workerd leaves
 * it undefined), so it is fixed at build time; code that turns it into a path only runs on Node (migrations, fonts
 * on disk).
 */
export async function buildWorker(outDir: string): Promise<WorkerBundle> {
  await build({
    input: ENTRY,
    platform: 'neutral',
    plugins: [leaveOut(), prefixNodeBuiltins(), esmExternalRequirePlugin({ external: [/^node:/] }), precompiledWasm()],
    // The runtime's own modules: TCP sockets, for Hyperdrive.
    external: [/^cloudflare:/],
    resolve: {
      conditionNames: ['workerd', 'worker', 'browser', 'import', 'module', 'default'],
      mainFields: ['module', 'main'],
    },
    transform: { define: { 'import.meta.url': JSON.stringify('file:///worker/worker.js') } },
    logLevel: 'warn',
    output: { dir: outDir, entryFileNames: WORKER_FILE, format: 'esm', codeSplitting: false, minify: true },
  });
  const assets = join(outDir, 'assets');
  await buildFontAssets(assets);
  const file = join(outDir, WORKER_FILE);
  const code = await readFile(file);
  return { dir: outDir, file, assets, bytes: code.byteLength, gzip: gzipSync(code).byteLength };
}

if (import.meta.main) {
  const out = process.argv[2] ?? join(import.meta.dirname, '../dist/edge');
  const bundle = await buildWorker(out);
  console.log(`${bundle.file}: ${(bundle.bytes / 1024).toFixed(0)} KB, ${(bundle.gzip / 1024).toFixed(0)} KB gzipped`);
}
