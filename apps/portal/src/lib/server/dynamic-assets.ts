import { readFile } from 'node:fs/promises';
import type { Locale } from '@city/contracts';
import type { PluginPage } from '@city/plugin-sdk/portal';

/** A dynamically imported module's stylesheets and script modules beyond what every page has, as paths under the site. */
export interface DynamicAssets {
  stylesheets: string[];
  modules: string[];
}

/** The record the browser build writes (apps/portal/dynamic-assets.ts) beside the server's built entries. */
export const DYNAMIC_ASSETS_FILE = 'dynamic-assets.json';

/** The portal's dictionaries as the build records them (`dictionaryOf` in #lib/i18n imports them). */
const DICTIONARIES: Record<Locale, string> = {
  'zh-CN': 'apps/portal/src/lib/i18n/zh-CN.ts',
  en: 'apps/portal/src/lib/i18n/en.ts',
};

const NONE: DynamicAssets = { stylesheets: [], modules: [] };
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

/** The files a plugin page's head names so that it is drawn styled and its scripts load in one wave. */
export async function pageAssets(page: PluginPage<any>): Promise<DynamicAssets> {
  // The server build tags each plugin component module with the key the browser build recorded it under.
  const { clientAssetsKey: key } = (await page.component()) as { clientAssetsKey?: unknown };
  return (typeof key === 'string' && (await recorded)[key]) || NONE;
}

/** The reader's dictionary's module, preloaded by every page (the other language's never loads). */
export async function dictionaryAssets(locale: Locale): Promise<DynamicAssets> {
  return (await recorded)[DICTIONARIES[locale]] ?? NONE;
}

/** The head's `<link>`s for them. */
export const preloadLinks = ({ modules }: DynamicAssets) =>
  modules.map((href) => `<link rel="modulepreload" href="${href}">`).join('');
