declare module 'wawoff2/decompress.js' {
  /** Google's reference WOFF2 decoder (WebAssembly): WOFF2 bytes in, TrueType bytes out. */
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
