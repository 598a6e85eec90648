import { reencodeImage, type ImageType } from './images.ts';

/** The kinds of upload plugins take: photos, and signed documents as scans or PDFs. */
export type UploadType = ImageType | 'application/pdf';

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);

/**
 * What an upload really is, by its first bytes (the declared content type is not trusted), if it is one of `allowed`;
 * null otherwise.
 */
export function sniffUpload<T extends UploadType>(bytes: Uint8Array, allowed: readonly T[]): T | null {
  const found: UploadType | null = startsWith(bytes, [0xff, 0xd8, 0xff])
    ? 'image/jpeg'
    : startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
      ? 'image/png'
      : // RIFF….WEBP
        startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
        ? 'image/webp'
        : startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) // %PDF-
          ? 'application/pdf'
          : null;
  return found !== null && (allowed as readonly UploadType[]).includes(found) ? (found as T) : null;
}

/** An upload as it is kept: bytes that are what `type` says, and nothing else. */
export interface CleanUpload<T extends UploadType> {
  bytes: Uint8Array<ArrayBuffer>;
  type: T;
}

/**
 * An upload made safe to keep and serve back, if it is one of `allowed`. A photo is decoded and encoded afresh
 * (`reencodeImage`: a JPEG with HTML behind it comes out a plain JPEG, and its GPS position and other metadata are
 * gone); a PDF, which no image library re-encodes, is kept as sent once its first bytes say PDF, and is only ever
 * served as an attachment (`uploadHeaders`). Null when it is none of `allowed` or not a readable image — the caller
 * answers with its own error; an image past `IMAGE_LIMITS.maxPixels` throws `image_too_many_pixels`.
 */
export async function cleanUpload<T extends UploadType>(
  bytes: Uint8Array<ArrayBuffer>,
  allowed: readonly T[],
): Promise<CleanUpload<T> | null> {
  const type: UploadType | null = sniffUpload(bytes, allowed);
  if (type === null) return null;
  if (type === 'application/pdf') return { bytes, type: type as T };
  const clean = await reencodeImage(bytes, type);
  return clean && { bytes: clean, type: type as T };
}

const EXTENSIONS: Record<UploadType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
const isUploadType = (type: string): type is UploadType => Object.hasOwn(EXTENSIONS, type);

/**
 * Headers for serving a kept upload: the type it was stored as (never one a request claimed), `nosniff`, images
 * inline and PDFs as attachments (downloaded, never rendered inside our origin), under `name` (ASCII letters, digits,
 * `.`, `_` and `-` only: anything else becomes `_`) with the type's extension. A type that is not an upload type (a
 * row written some other way) goes as an opaque download. An upload's id names it forever: browsers may keep it.
 */
export function uploadHeaders(storedType: string, name: string): Record<string, string> {
  const known = isUploadType(storedType);
  const fileName = `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.${known ? EXTENSIONS[storedType] : 'bin'}`;
  const inline = known && storedType !== 'application/pdf';
  return {
    'content-type': known ? storedType : 'application/octet-stream',
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename="${fileName}"`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, max-age=31536000, immutable',
  };
}
