import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What a browser downloads for each page of the built portal, read from the build's own records: Vite's client
 * manifest (each source entry → its chunk and the chunks it imports) and SvelteKit's route table (each page → its
 * layout and leaf nodes). Plugin pages add their plugin's portal module and the page's component, which the
 * plugin routes import lazily.
 */

interface ManifestEntry {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface PageBundle {
  page: string;
  chunks: ChunkSize[];
  bytes: number;
  gzip: number;
  largest: ChunkSize;
}

/** `apps/portal/.svelte-kit/output` of a build. */
export const PORTAL_OUTPUT = join(import.meta.dirname, '../../apps/portal/.svelte-kit/output');

export function pageBundles(output = PORTAL_OUTPUT): PageBundle[] {
  const manifest = JSON.parse(readFileSync(join(output, 'client/.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestEntry
  >;
  const sizes = new Map<string, ChunkSize>();
  const size = (file: string) => {
    let known = sizes.get(file);
    if (!known) {
      const code = readFileSync(join(output, 'client', file));
      known = { file, bytes: code.length, gzip: gzipSync(code).length };
      sizes.set(file, known);
    }
    return known;
  };
  const closure = (key: string, into = new Set<string>()) => {
    const entry = manifest[key];
    if (!entry || into.has(entry.file)) return into;
    into.add(entry.file);
    for (const imported of entry.imports ?? []) closure(imported, into);
    return into;
  };
  const keyOf = (suffix: string) => Object.keys(manifest).find((k) => k.endsWith(suffix));
  const start = ['client/entry.js', 'client-optimized/app.js'].map((s) => keyOf(s)!);
  const node = (index: number) => keyOf(`client-optimized/nodes/${index}.js`)!;

  const table = readFileSync(join(output, 'server/manifest-full.js'), 'utf8');
  const pages = table
    .split(/\bid: /)
    .slice(1)
    .flatMap((route) => {
      const id = route.match(/^"([^"]+)"/)![1]!;
      const page = route.match(/page: \{ layouts: \[([\d,]*)\], errors: \[[\d,]*\], leaf: (\d+) \}/);
      if (!page) return []; // an endpoint
      const layouts = page[1]!.split(',').filter(Boolean).map(Number);
      return [{ page: id, keys: [...start, ...layouts.map(node), node(Number(page[2]))] }];
    });
  // Plugin pages: the catch-all page of their audience, their plugin's portal module and their own component.
  const pluginPages = Object.keys(manifest)
    .filter((k) => /plugins\/[^/]+\/src\/portal\/[^/]+Page\.svelte$/.test(k))
    .map((component) => {
      const plugin = component.match(/plugins\/([^/]+)\//)![1]!;
      const host = component.includes('/Vendor')
        ? '/(vendor)/vendor/[organisation]/apps/[pluginId]/[...path]'
        : component.endsWith('SupervisionPage.svelte')
          ? '/(supervisor)/supervision/neighbourhoods/[tenant]/apps/[pluginId]/[...path]'
          : component.endsWith('VerifyPage.svelte')
            ? '/(public)/p/[tenant]/apps/[pluginId]/[...path]'
            : '/(resident)/n/[tenant]/p/[pluginId]/[...path]';
      const hostKeys = pages.find((p) => p.page === host)?.keys ?? [];
      const portal = keyOf(`plugins/${plugin}/src/portal/index.ts`)!;
      return {
        page: `${plugin}: ${component.split('/').pop()!.replace('.svelte', '')}`,
        keys: [...hostKeys, portal, component],
      };
    });

  return [...pages, ...pluginPages].map(({ page, keys }) => {
    const files = new Set<string>();
    for (const key of keys) closure(key, files);
    const chunks = [...files].filter((f) => f.endsWith('.js')).map(size);
    const largest = chunks.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    return {
      page,
      chunks,
      bytes: chunks.reduce((n, c) => n + c.bytes, 0),
      gzip: chunks.reduce((n, c) => n + c.gzip, 0),
      largest,
    };
  });
}
