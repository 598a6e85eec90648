import type { FontSlice, FontSource, Weight } from './font-source.ts';

export interface Run {
  /** The slice's key, also PDFKit's font name. */
  font: string;
  text: string;
}

/** The slice holding a character (the first slice when none does: it then prints as a blank box). */
function sliceFinder(slices: readonly FontSlice[]): (char: string) => string {
  const known = new Map<string, string>();
  return (char) => {
    let key = known.get(char);
    if (!key) {
      const codePoint = char.codePointAt(0)!;
      key = (slices.find((s) => s.ranges.some(([from, to]) => codePoint >= from && codePoint <= to)) ?? slices[0]!).key;
      known.set(char, key);
    }
    return key;
  };
}

/** Cuts text into runs that each use one font slice. */
export function runsOf(text: string, sliceOf: (char: string) => string): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    // Whitespace belongs to whichever run it sits in: every slice has a space, and merging avoids tiny runs.
    const font = /\s/.test(char) && runs.length ? runs.at(-1)!.font : sliceOf(char);
    const last = runs.at(-1);
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}

/** The fonts of one document: how its texts split into runs, and the TrueType bytes of every run's slice. */
export interface DocumentFonts {
  runs(text: string, weight: Weight): Run[];
  bytes(key: string): Uint8Array;
}

/** Loads from the source every slice the texts need; `bytes` then answers for all their runs. */
export async function loadFonts(source: FontSource, texts: Record<Weight, Iterable<string>>): Promise<DocumentFonts> {
  const [regular, bold] = await Promise.all([source.slices('regular'), source.slices('bold')]);
  const finders: Record<Weight, (char: string) => string> = { regular: sliceFinder(regular), bold: sliceFinder(bold) };
  const runs = (text: string, weight: Weight) => runsOf(text, finders[weight]);
  const keys = new Set<string>();
  for (const weight of ['regular', 'bold'] as const) {
    for (const text of texts[weight]) for (const run of runs(text, weight)) keys.add(run.font);
  }
  const loaded = new Map(await Promise.all([...keys].map(async (key) => [key, await source.truetype(key)] as const)));
  return {
    runs,
    bytes(key) {
      const data = loaded.get(key);
      if (!data) throw new Error(`font slice not loaded: ${key}`);
      return data;
    },
  };
}
