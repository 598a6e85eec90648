import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Noto Sans SC for PDFs, from the `noto-sans-sc` package, which ships the font as ~100 unicode-range slices
 * (webfont style) instead of one 10 MB file. A text is cut into runs by the slice that holds each character and
 * only those slices are embedded (subset again by PDFKit), so a letter stays a few hundred kB. Slices are WOFF2,
 * which PDFKit's font subsetter cannot read (it copies transformed glyph tables), so they are decoded to TrueType
 * first, once per process.
 */
export type Weight = 'regular' | 'bold';

interface Slice {
  file: string;
  ranges: Array<[number, number]>;
}

const require = createRequire(import.meta.url);
const packageDir = dirname(require.resolve('noto-sans-sc/package.json'));
/** Google's reference WOFF2 decoder (WebAssembly, CommonJS, untyped): WOFF2 bytes in, TrueType bytes out. */
const decompress = require('wawoff2/decompress.js') as (woff2: Uint8Array) => Promise<Uint8Array>;
const slicesByWeight = new Map<Weight, Slice[]>();
const bytes = new Map<string, Buffer>();

function slices(weight: Weight): Slice[] {
  let list = slicesByWeight.get(weight);
  if (!list) {
    const css = readFileSync(join(packageDir, `noto_sans_sc_${weight}`, 'css.css'), 'utf8');
    list = [...css.matchAll(/url\(([^)]+)\)[^;]*;\s*unicode-range:([^;]+);/g)].map((m) => ({
      file: join(packageDir, `noto_sans_sc_${weight}`, m[1]!),
      ranges: m[2]!.split(',').map((range) => {
        const [from, to] = range.trim().slice(2).split('-');
        return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as [number, number];
      }),
    }));
    slicesByWeight.set(weight, list);
  }
  return list;
}

const fileByChar = new Map<string, string>();

/** The font file holding a character (the first slice when none does: it then prints as a blank box). */
function fileOf(weight: Weight, char: string): string {
  const key = weight + char;
  let file = fileByChar.get(key);
  if (!file) {
    const codePoint = char.codePointAt(0)!;
    const list = slices(weight);
    file = (list.find((s) => s.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) ?? list[0]!).file;
    fileByChar.set(key, file);
  }
  return file;
}

export interface Run {
  font: string;
  text: string;
}

/** Cuts text into runs that each use one font slice; `font` is the file path, also used as PDFKit's font name. */
export function runsOf(text: string, weight: Weight): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    // Whitespace belongs to whichever run it sits in: every slice has a space, and merging avoids tiny runs.
    const font = /\s/.test(char) && runs.length ? runs.at(-1)!.font : fileOf(weight, char);
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

let decoding: Promise<unknown> = Promise.resolve();

/**
 * Decodes (once) every slice the texts need; after this, `fontBytes` answers for all their runs. Decoding is
 * serialised: the decoder returns a view into its WebAssembly memory, which the next decode overwrites.
 */
export async function loadFonts(texts: Iterable<string>, weight: Weight): Promise<void> {
  const files = new Set<string>();
  for (const text of texts) for (const run of runsOf(text, weight)) files.add(run.font);
  const missing = [...files].filter((file) => !bytes.has(file));
  const done = decoding.then(async () => {
    for (const file of missing) {
      if (!bytes.has(file)) bytes.set(file, Buffer.from(await decompress(readFileSync(file))));
    }
  });
  decoding = done.catch(() => undefined);
  await done;
}

export function fontBytes(file: string): Buffer {
  const data = bytes.get(file);
  if (!data) throw new Error(`font slice not loaded: ${file}`);
  return data;
}
