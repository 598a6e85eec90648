/** The kinds of upload plugins take: photos, and signed documents as scans or PDFs. */
export type UploadType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

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
