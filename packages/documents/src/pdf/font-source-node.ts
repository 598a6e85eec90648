import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { memoise, type FontSlice, type FontSource, type Weight } from './font-source.ts';

export const WEIGHTS: readonly Weight[] = ['regular', 'bold'];

export interface NotoSlice extends FontSlice {
  /** The WOFF2 file in the package. */
  file: string;
}

/** The installed `noto-sans-sc` package, resolved when asked (never at import time). */
export function notoPackage(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('noto-sans-sc/package.json');
  return { dir: dirname(manifest), version: (require(manifest) as { version: string }).version };
}

/** A weight's slices as the package's stylesheet lists them; a slice's key is `<weight>/<its place in the list>`. */
export async function notoSlices(weight: Weight): Promise<NotoSlice[]> {
  const dir = join(notoPackage().dir, `noto_sans_sc_${weight}`);
  const css = await readFile(join(dir, 'css.css'), 'utf8');
  return [...css.matchAll(/url\(([^)]+)\)[^;]*;\s*unicode-range:([^;]+);/g)].map((m, i) => ({
    key: `${weight}/${i}`,
    file: join(dir, m[1]!),
    ranges: m[2]!.split(',').map((range) => {
      const [from, to] = range.trim().slice(2).split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as const;
    }),
  }));
}

// The decoder is one WebAssembly instance per process (a CommonJS module), whatever the number of sources.
let decoding: Promise<unknown> = Promise.resolve();

/**
 * WOFF2 to TrueType with Google's reference decoder (`wawoff2`, untyped). Decodes run one at a time and the result
 * is copied out at once: the decoder returns a view into its memory, which the next decode overwrites.
 */
export function decodeWoff2(woff2: Uint8Array): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const decompress = require('wawoff2/decompress.js') as (woff2: Uint8Array) => Promise<Uint8Array>;
  const done = decoding.then(async () => new Uint8Array(await decompress(woff2)));
  decoding = done.catch(() => undefined);
  return done;
}

/** Noto Sans SC from the `noto-sans-sc` package, each slice decoded the first time a document needs it. */
export function nodeFontSource(): FontSource {
  const slices = memoise((weight) => notoSlices(weight as Weight));
  const truetype = memoise(async (key) => {
    const slice = (await slices(key.split('/')[0]!)).find((s) => s.key === key);
    if (!slice) throw new Error(`no such font slice: ${key}`);
    return decodeWoff2(await readFile(slice.file));
  });
  return { slices: (weight) => slices(weight), truetype };
}
