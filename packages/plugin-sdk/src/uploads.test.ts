import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { IMAGE_LIMITS } from './images.ts';
import { cleanUpload, sniffUpload, uploadHeaders } from './uploads.ts';

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

/** A photo as a phone takes it: sideways (EXIF orientation 6), with the GPS position, and an XMP packet. */
async function phonePhoto(extra: Uint8Array = new Uint8Array()) {
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c81e1e' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Phone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 14/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 0/1',
      },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><script>alert(1)</script></x:xmpmeta>')
    .toBuffer();
  return new Uint8Array(Buffer.concat([photo, extra]));
}

/** The tags of the GPS directory of an EXIF block (TIFF after "Exif\0\0"); none without one. */
function gpsTags(exif: Buffer): number[] {
  const tiff = exif.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  const entries = (at: number) =>
    Array.from({ length: u16(at) }, (_, i) => ({ tag: u16(at + 2 + i * 12), value: u32(at + 10 + i * 12) }));
  const gps = entries(u32(4)).find((e) => e.tag === 0x8825);
  return gps ? entries(gps.value).map((e) => e.tag) : [];
}

/** Nothing after the image: a JPEG ends with its EOI marker, a PNG with IEND, a WebP where its RIFF size says. */
function endsWhereTheImageEnds(bytes: Uint8Array, type: string) {
  const b = Buffer.from(bytes);
  if (type === 'image/jpeg') return b.at(-2) === 0xff && b.at(-1) === 0xd9;
  if (type === 'image/png') return b.toString('latin1', b.length - 8, b.length - 4) === 'IEND';
  return b.readUInt32LE(4) + 8 === b.length;
}

const HTML = new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('a kept upload', () => {
  it('is a photo encoded afresh: turned upright, without GPS position, EXIF, XMP or ICC data', async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    // GPSLatitudeRef, GPSLatitude, GPSLongitudeRef, GPSLongitude.
    expect(gpsTags(before.exif!)).toEqual([1, 2, 3, 4]);
    expect(before).toMatchObject({ width: 64, height: 48, orientation: 6 });

    const kept = (await cleanUpload(photo, IMAGES))!;
    expect(kept.type).toBe('image/jpeg');
    const after = await sharp(kept.bytes).metadata();
    expect(after).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
    for (const field of ['exif', 'xmp', 'iptc', 'icc', 'orientation'] as const)
      expect(after[field], field).toBeUndefined();
    expect(text(kept.bytes)).not.toContain('script');
  });

  it('neutralises a polyglot: an image with HTML after it comes out a plain image of the same kind', async () => {
    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#00ff0080' } })
      .png()
      .toBuffer();
    const webp = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0000ff' } })
      .webp()
      .toBuffer();
    for (const [image, type] of [
      [await phonePhoto(), 'image/jpeg'],
      [png, 'image/png'],
      [webp, 'image/webp'],
    ] as const) {
      const polyglot = new Uint8Array(Buffer.concat([image, HTML]));
      expect(endsWhereTheImageEnds(polyglot, type)).toBe(false);
      const kept = (await cleanUpload(polyglot, IMAGES))!;
      expect(kept.type).toBe(type);
      expect(text(kept.bytes)).not.toContain('<html>');
      expect(endsWhereTheImageEnds(kept.bytes, type), type).toBe(true);
    }
  });

  it('refuses image magic bytes with no image behind them, and a header naming another format', async () => {
    const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...HTML]);
    expect(await cleanUpload(fake, IMAGES)).toBeNull();
    const truncated = (await phonePhoto()).slice(0, 300);
    expect(await cleanUpload(truncated, IMAGES)).toBeNull();
    const riff = new Uint8Array([...new TextEncoder().encode('RIFF\u0001\u0002\u0003\u0004WEBPVP8 '), ...HTML]);
    expect(await cleanUpload(riff, IMAGES)).toBeNull();
    expect(await cleanUpload(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), IMAGES)).toBeNull();
  });

  it('refuses a decompression bomb by its header, before decoding it', async () => {
    const png = Buffer.from(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    // The IHDR chunk made to claim 100,000 × 100,000 pixels (ten thousand times the limit), its checksum mended.
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    await expect(cleanUpload(new Uint8Array(png), IMAGES)).rejects.toMatchObject({
      status: 400,
      code: 'image_too_many_pixels',
      title: { 'zh-CN': expect.stringContaining('2400 万像素'), en: expect.stringContaining('24 megapixels') },
    });
    expect(IMAGE_LIMITS.maxPixels).toBe(24_000_000);
  });

  it('scales a large photo down to the longest side allowed', async () => {
    const wide = await sharp({ create: { width: 3000, height: 1000, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    const kept = (await cleanUpload(new Uint8Array(wide), IMAGES))!;
    expect(await sharp(kept.bytes).metadata()).toMatchObject({ width: IMAGE_LIMITS.longestSide, height: 853 });
  });

  it('keeps a PDF as sent, where PDFs are allowed', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF\n');
    expect(await cleanUpload(pdf, [...IMAGES, 'application/pdf'])).toEqual({ bytes: pdf, type: 'application/pdf' });
    expect(await cleanUpload(pdf, IMAGES)).toBeNull();
  });
});

describe('a served upload', () => {
  it('goes with its stored type, nosniff, images inline and PDFs as attachments, under a safe name', () => {
    expect(uploadHeaders('image/png', 'photo-1')).toEqual({
      'content-type': 'image/png',
      'content-disposition': 'inline; filename="photo-1.png"',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=31536000, immutable',
    });
    expect(uploadHeaders('application/pdf', '委托书 "x"\r\n')['content-disposition']).toBe(
      'attachment; filename="_____x___.pdf"',
    );
    expect(uploadHeaders('text/html', 'page')).toMatchObject({
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="page.bin"',
    });
  });
});
