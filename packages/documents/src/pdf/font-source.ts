/**
 * Where the PDF writers get Noto Sans SC. The font ships as ~100 unicode-range slices per weight (webfont style)
 * instead of one 10 MB file; a text is cut into runs by the slice that holds each character and only those slices
 * are embedded (subset again by PDFKit), so a letter stays a few hundred kB. A source says which slices exist and
 * hands over one slice as TrueType (PDFKit's subsetter cannot read WOFF2): from the `noto-sans-sc` package in Node
 * (`@city/documents/pdf/node-fonts`), from pre-decoded static assets on an edge runtime (`assetFontSource`).
 */
export type Weight = 'regular' | 'bold';

export interface FontSlice {
  /** Names the slice to `truetype`; also PDFKit's name for the font. */
  key: string;
  /** Inclusive code point ranges the slice covers. */
  ranges: ReadonlyArray<readonly [number, number]>;
}

export interface FontSource {
  slices(weight: Weight): Promise<readonly FontSlice[]>;
  truetype(key: string): Promise<Uint8Array>;
}

/** Memoises an async load per key; a failed load is forgotten, so the next call tries again. */
export function memoise<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (key) => {
    let value = cache.get(key);
    if (!value) {
      value = load(key);
      cache.set(key, value);
      value.catch(() => cache.delete(key));
    }
    return value;
  };
}
