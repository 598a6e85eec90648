import { readFile } from 'node:fs/promises';
import type { PluginPage } from '@city/plugin-sdk/portal';

/** A dynamically imported module's styles (their text) and script modules (paths) beyond what every page has. */
export interface DynamicAssets {
  styles: string;
  modules: string[];
}

/** The record the browser build writes (apps/portal/dynamic-assets.ts) beside the server's built entries. */
export const DYNAMIC_ASSETS_FILE = 'dynamic-assets.json';

const NONE: DynamicAssets = { styles: '', modules: [] };
let recorded: Promise<Record<string, DynamicAssets>> = Promise.resolve({});

/**
 * Reads the build's record once, at start. Where there is none (`vite dev`, whose browser modules bring their own
 * styles), pages simply name no extra files.
 */
export function readDynamicAssets(file: URL) {
  recorded = readFile(file, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, DynamicAssets>,
    (failure: NodeJS.ErrnoException) => (failure.code === 'ENOENT' ? {} : Promise.reject(failure)),
  );
  return recorded;
}

/** What a plugin page's head carries so that it is drawn styled and its scripts load in one wave. */
export async function pageAssets(page: PluginPage<any>): Promise<DynamicAssets> {
  // The server build tags each plugin component module with the key the browser build recorded it under.
  const { clientAssetsKey: key } = (await page.component()) as { clientAssetsKey?: unknown };
  return (typeof key === 'string' && (await recorded)[key]) || NONE;
}

/**
 * Puts a plugin page's styles into the head as SvelteKit puts a route's: inline, with the page's nonce (the one on
 * SvelteKit's own inline styles, which the page's Content-Security-Policy allows). Outside the part of the head Svelte
 * hydrates, so the page's scripts leave it be.
 */
export function inlineStyles(html: string, styles: string | undefined) {
  if (!styles) return html;
  const nonce = /<style[^>]* nonce="([^"]+)"/.exec(html)?.[1];
  if (!nonce || !html.includes('</head>')) return html;
  return html.replace('</head>', `<style nonce="${nonce}">${styles}</style></head>`);
}
