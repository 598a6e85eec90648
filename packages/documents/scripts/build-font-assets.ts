import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { FONT_ASSET_DIR, fontAssetPath, type FontAssetIndex } from '../src/pdf/font-source-assets.ts';
import { decodeWoff2, notoPackage, notoSlices, WEIGHTS } from '../src/pdf/font-source-node.ts';

export interface FontAssetsBuild {
  /** False when outDir already held the slices of this noto-sans-sc version. */
  built: boolean;
  files: number;
  bytes: number;
  ms: number;
}

async function existingVersion(indexFile: string): Promise<string | null> {
  try {
    return (JSON.parse(await readFile(indexFile, 'utf8')) as FontAssetIndex).version;
  } catch {
    return null;
  }
}

/**
 * Decodes every Noto Sans SC slice of both weights to TrueType under `outDir/fonts/noto-sans-sc/`, for
 * `assetFontSource` on runtimes that may not compile WebAssembly. The index is written last, so its presence with the
 * package's version means the directory is complete and the build is skipped.
 */
export async function buildFontAssets(outDir: string): Promise<FontAssetsBuild> {
  const started = performance.now();
  const dir = join(outDir, FONT_ASSET_DIR);
  const indexFile = join(dir, 'index.json');
  const { version } = notoPackage();
  if ((await existingVersion(indexFile)) === version) {
    return { built: false, files: 0, bytes: 0, ms: Math.round(performance.now() - started) };
  }
  await rm(dir, { recursive: true, force: true });
  const index: FontAssetIndex = { version, slices: { regular: [], bold: [] } };
  let files = 0;
  let bytes = 0;
  for (const weight of WEIGHTS) {
    for (const { key, file, ranges } of await notoSlices(weight)) {
      const truetype = await decodeWoff2(await readFile(file));
      const target = join(outDir, fontAssetPath(key));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, truetype);
      index.slices[weight].push({ key, ranges });
      files++;
      bytes += truetype.byteLength;
    }
  }
  await writeFile(indexFile, JSON.stringify(index));
  return { built: true, files, bytes, ms: Math.round(performance.now() - started) };
}

if (import.meta.main) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node packages/documents/scripts/build-font-assets.ts <asset directory>');
    process.exit(2);
  }
  const result = await buildFontAssets(resolve(outDir));
  console.log(
    result.built
      ? `font assets: ${result.files} slices, ${(result.bytes / 2 ** 20).toFixed(1)} MiB, in ${result.ms} ms`
      : `font assets: up to date in ${resolve(outDir)}`,
  );
}
