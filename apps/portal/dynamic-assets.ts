import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { DYNAMIC_ASSETS_FILE, type DynamicAssets } from './src/lib/server/dynamic-assets.ts';

type OutputChunk = Rollup.OutputChunk;

/** The client build leaves its record in the server's output, which adapters copy whole (hooks.server.ts reads it). */
const serverOutput = join(import.meta.dirname, '.svelte-kit/output/server');
const root = join(import.meta.dirname, '../..');

/** A plugin's page component. */
const PLUGIN_COMPONENT = /\/plugins\/[^/]+\/src\/portal\/[^?]+\.svelte$/;
const PLUGIN_PORTAL = /\/plugins\/([^/]+)\/src\/portal\/index\.ts$/;
/** The root layout's browser node: every page has loaded it, and the shared chunks with it. */
const ROOT_LAYOUT = /\/client-optimized\/nodes\/0\.js$/;

/**
 * Modules a page imports dynamically, which SvelteKit cannot see when it writes a route's head. Plugin pages come
 * through two such imports (the plugin's portal, then the page's component): without naming them, the
 * server-rendered page had no styles of its own until the scripts ran (a layout shift of 0.22 on the services
 * catalogue) and its scripts came in a second and a third wave. The client build records each such module's styles
 * (their text, which the server inlines like SvelteKit inlines a route's) and modules (a plugin component with its
 * plugin's portal entry), keyed by its source file; the server build tags each plugin
 * component with that key (`clientAssetsKey`), so a plugin page's server load can name its files in the head.
 */
export function dynamicAssets(): Plugin {
  return {
    name: 'city:dynamic-assets',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (this.environment.name !== 'ssr' || !PLUGIN_COMPONENT.test(id)) return null;
      return { code: `${code}\nexport const clientAssetsKey = ${JSON.stringify(keyOf(id))};\n`, map: null };
    },
    generateBundle(_options, bundle) {
      if (this.environment.name !== 'client') return;
      writeFileSync(join(serverOutput, DYNAMIC_ASSETS_FILE), JSON.stringify(record(bundle)));
    },
  };
}

/** The module's source file from the repository's root: `plugins/services/src/portal/BrowsePage.svelte`. */
const keyOf = (id: string) => relative(root, id);

function record(bundle: Rollup.OutputBundle) {
  const chunks = Object.values(bundle).filter((output): output is OutputChunk => output.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  /** The chunk and the chunks it imports statically, transitively, each after what it imports (the cascade's order). */
  const closure = (start: OutputChunk | undefined, into = new Set<OutputChunk>()) => {
    if (!start || into.has(start)) return into;
    into.add(start);
    for (const file of start.imports) closure(byFile.get(file), into);
    into.delete(start);
    into.add(start);
    return into;
  };
  const everyPage = new Set<OutputChunk>();
  for (const chunk of chunks)
    if (chunk.isEntry || ROOT_LAYOUT.test(chunk.facadeModuleId ?? '')) closure(chunk, everyPage);
  const portals = new Map<string, OutputChunk>();
  for (const chunk of chunks) {
    const plugin = PLUGIN_PORTAL.exec(chunk.facadeModuleId ?? '')?.[1];
    if (plugin) portals.set(plugin, chunk);
  }
  const css = (file: string) => {
    const asset = bundle[file];
    const text = asset?.type === 'asset' ? String(asset.source) : '';
    // Inlined into the page, a relative url() would resolve against the page, not the stylesheet: none exists today.
    if (/url\(/.test(text)) throw new Error(`${file}: a plugin page's stylesheet with url() cannot be inlined`);
    return text.replaceAll('</style', '<\\/style');
  };

  const recorded: Record<string, DynamicAssets> = {};
  for (const chunk of chunks) {
    const id = chunk.facadeModuleId ?? '';
    if (!chunk.isDynamicEntry || !PLUGIN_COMPONENT.test(id)) continue;
    const plugin = /\/plugins\/([^/]+)\//.exec(id)![1]!;
    const needed = [...closure(chunk, closure(portals.get(plugin)))].filter((c) => !everyPage.has(c));
    const stylesheets = new Set(needed.flatMap((c) => [...(c.viteMetadata?.importedCss ?? [])]));
    recorded[keyOf(id)] = {
      styles: [...stylesheets].map(css).join('\n'),
      modules: needed.map((c) => `/${c.fileName}`),
    };
  }
  return recorded;
}
