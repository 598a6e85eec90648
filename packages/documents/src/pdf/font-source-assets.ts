import type { FontSlice, FontSource, Weight } from './font-source.ts';
import { memoise } from './font-source.ts';

/** Where the built font assets sit under the static asset root (scripts/build-font-assets.ts writes them). */
export const FONT_ASSET_DIR = 'fonts/noto-sans-sc';

/** `index.json` in FONT_ASSET_DIR; each slice is `<key>.ttf` beside it. */
export interface FontAssetIndex {
  /** The `noto-sans-sc` version the slices were decoded from. */
  version: string;
  slices: Record<Weight, FontSlice[]>;
}

export const fontAssetPath = (key: string) => `/${FONT_ASSET_DIR}/${key}.ttf`;

/**
 * Noto Sans SC from static assets: TrueType slices decoded at build time, so the runtime reads files it is served
 * and compiles no WebAssembly. `fetchAsset` gets a path from the asset root, e.g. on Cloudflare Workers
 * `(path) => env.ASSETS.fetch(new URL(path, 'https://assets.local'))`.
 */
export function assetFontSource(fetchAsset: (path: string) => Promise<Response>): FontSource {
  const get = async (path: string) => {
    const response = await fetchAsset(path);
    if (!response.ok) throw new Error(`font asset ${path}: ${response.status}`);
    return response;
  };
  const index = memoise(async () => (await (await get(`/${FONT_ASSET_DIR}/index.json`)).json()) as FontAssetIndex);
  return {
    slices: async (weight) => (await index('')).slices[weight],
    truetype: memoise(async (key) => new Uint8Array(await (await get(fontAssetPath(key))).arrayBuffer())),
  };
}
