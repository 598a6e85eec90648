import { ERROR_CATALOGUE } from '@city/contracts';
import type { Sharp } from 'sharp';
import { PluginError } from './errors.ts';

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/**
 * What an uploaded photo may be, and what is kept of it:
 * - `maxPixels`: 24 megapixels (6000 × 4000, a full-frame camera's photo). Checked on the header before anything is
 *   decoded: a 1 MB upload (the API's body limit) with more pixels is almost certainly a decompression bomb (a PNG of
 *   one colour inflates a thousandfold), and decoding 24 MP already takes about 100 MB.
 * - `longestSide`: larger photos are scaled down to 2560 px on their longest side — more than a phone screen shows,
 *   and a photographed A4 authorisation stays legible (about 220 dpi); the portal sends 1600–2000 px anyway.
 * - `seconds`: decoding and encoding one image may take this long, then it is refused.
 */
export const IMAGE_LIMITS = { maxPixels: 6000 * 4000, longestSide: 2560, seconds: 10 } as const;

const ENCODE: Record<ImageType, { format: 'jpeg' | 'png' | 'webp'; encode: (image: Sharp) => Sharp }> = {
  'image/jpeg': { format: 'jpeg', encode: (image) => image.jpeg({ quality: 85 }) },
  'image/png': { format: 'png', encode: (image) => image.png() },
  'image/webp': { format: 'webp', encode: (image) => image.webp({ quality: 85 }) },
};

function catalogueError(code: 'image_too_many_pixels' | 'image_processing_unavailable') {
  const entry = ERROR_CATALOGUE[code];
  return new PluginError(entry.status, code, { 'zh-CN': entry['zh-CN'], en: entry.en });
}

/**
 * sharp is native code (libvips), loaded with the first upload. A runtime without it (the Workers build leaves it out:
 * docs/deploying.md) answers uploads with a clear 503 rather than keeping a photo it could not clean.
 */
async function loadSharp() {
  try {
    return (await import('sharp')).default;
  } catch {
    throw catalogueError('image_processing_unavailable');
  }
}

/**
 * An uploaded photo decoded and encoded afresh by sharp (libvips), in its own format: what is kept is only pixels,
 * so bytes hidden after the image or in its metadata (HTML after a JPEG, a script in XMP) are gone, and so are EXIF,
 * XMP, IPTC and ICC data — a resident's GPS position with them. The EXIF orientation is applied to the pixels first,
 * so the photo still stands the right way up; colours are converted to sRGB; an animation keeps its first frame.
 * Null when the bytes are not a readable image of `type` (sharp's strictest `failOn`, as it advises for untrusted
 * input); throws `image_too_many_pixels` past `IMAGE_LIMITS.maxPixels`.
 */
export async function reencodeImage(bytes: Uint8Array, type: ImageType): Promise<Uint8Array<ArrayBuffer> | null> {
  const sharp = await loadSharp();
  const { format, encode } = ENCODE[type];
  let header;
  try {
    // The header only, without sharp's own limit, so a bomb is told apart from bytes that are no image.
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return null;
  }
  if (header.format !== format) return null;
  if (header.width * header.height > IMAGE_LIMITS.maxPixels) throw catalogueError('image_too_many_pixels');
  try {
    const image = sharp(bytes, { limitInputPixels: IMAGE_LIMITS.maxPixels, failOn: 'warning' })
      .rotate()
      .resize({
        width: IMAGE_LIMITS.longestSide,
        height: IMAGE_LIMITS.longestSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .timeout({ seconds: IMAGE_LIMITS.seconds });
    return new Uint8Array(await encode(image).toBuffer());
  } catch {
    return null;
  }
}
