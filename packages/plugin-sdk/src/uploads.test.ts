import { describe, expect, it } from 'vitest';
import { sniffUpload } from './uploads.ts';

const IMAGES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const sniffImage = (bytes: Uint8Array) => sniffUpload(bytes, IMAGES);

describe('what an upload really is', () => {
  it('knows JPEG, PNG and WebP by their first bytes', () => {
    expect(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg');
    expect(sniffImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(
      sniffImage(
        new Uint8Array(
          [...'RIFF']
            .map((c) => c.charCodeAt(0))
            .concat(
              [1, 2, 3, 4],
              [...'WEBP'].map((c) => c.charCodeAt(0)),
            ),
        ),
      ),
    ).toBe('image/webp');
  });

  it('knows a PDF, and refuses one where only images are allowed', () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n');
    expect(sniffUpload(pdf, [...IMAGES, 'application/pdf'])).toBe('application/pdf');
    expect(sniffImage(pdf)).toBeNull();
  });

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeNull();
    expect(sniffImage(new Uint8Array([0xff, 0xd8]))).toBeNull();
    expect(
      sniffImage(
        new Uint8Array(
          [...'RIFF']
            .map((c) => c.charCodeAt(0))
            .concat(
              [1, 2, 3, 4],
              [...'WAVE'].map((c) => c.charCodeAt(0)),
            ),
        ),
      ),
    ).toBeNull();
  });
});
