import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';
import { servicesPlugin } from './index.ts';
import { openVendor, paths } from './testing.ts';

/**
 * A service's photos are what residents' phones and vendors' uploads make of them: kept only as encoded afresh (no
 * GPS position, nothing hidden after the image) and served with a fixed type, nosniff and an inline disposition.
 */

const current = useWorld({ plugins: [servicesPlugin] });

/** A photo as a phone takes it: sideways (EXIF orientation 6), with where it was taken. */
const phonePhoto = () =>
  sharp({ create: { width: 60, height: 40, channels: 3, background: '#2a6' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '31/1 14/1 1234/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '121/1 28/1 0/1',
      },
    })
    .toBuffer();
const HTML = Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>');

async function vendorWithOffering() {
  const { h, world } = current;
  const s = await openVendor(h, world);
  const { vendor, a } = paths(world);
  const upload = (bytes: Uint8Array, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    h.call('POST', `${vendor}/offerings/${s.offeringId}/images`, {
      token: world.tokens.vendorOwner,
      body: new Uint8Array(bytes),
      // Whatever the client claims, the bytes decide.
      headers: { 'content-type': 'image/png' },
      locale,
    });
  const served = (id: string) => h.call('GET', `${a}/images/${id}`, { token: world.tokens.residentA });
  const listed = async () =>
    (await h.call('GET', `${a}/offerings`, { token: world.tokens.residentA })).body.items[0].images;
  return { upload, served, listed, vendor };
}

describe('service photos', () => {
  it('keeps a phone photo upright and without its GPS position, and serves it as the stored JPEG', async () => {
    const { upload, served, vendor } = await vendorWithOffering();
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const created = await upload(photo);
    expect(created.status).toBe(201);

    const res = await served(created.body.id);
    expect(res.status).toBe(200);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="service-photo-${created.body.id}.jpg"`,
    });
    const kept = await sharp(Buffer.from(res.raw)).metadata();
    expect(kept).toMatchObject({ format: 'jpeg', width: 40, height: 60 });
    for (const field of ['exif', 'xmp', 'orientation'] as const) expect(kept[field], field).toBeUndefined();
    // The vendor's own address serves the same bytes, the same way.
    const own = await current.h.call('GET', `${vendor}/images/${created.body.id}`, {
      token: current.world.tokens.vendorOwner,
    });
    expect(new Uint8Array(own.raw)).toEqual(new Uint8Array(res.raw));
    expect(own.headers.get('content-disposition')).toBe(res.headers.get('content-disposition'));
  });

  it('neutralises a JPEG with HTML after it and refuses JPEG magic bytes with only HTML behind them', async () => {
    const { upload, served, listed } = await vendorWithOffering();
    const polyglot = await upload(Buffer.concat([await phonePhoto(), HTML]));
    expect(polyglot.status).toBe(201);
    const kept = Buffer.from((await served(polyglot.body.id)).raw);
    expect(kept.includes('<html>')).toBe(false);
    expect([...kept.subarray(-2)]).toEqual([0xff, 0xd9]);

    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]);
    expect((await upload(fake)).body).toMatchObject({
      status: 400,
      code: 'services.image_invalid',
      title: '只能上传 JPEG、PNG 或 WebP 图片',
    });
    expect((await upload(fake, 'en')).body.title).toBe('Upload a JPEG, PNG or WebP image');
    expect(await listed()).toEqual([polyglot.body.id]);
  });

  it('refuses a decompression bomb by its header, in the caller’s language, and keeps nothing', async () => {
    const { upload, listed } = await vendorWithOffering();
    const bomb = Buffer.from(
      await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
        .png()
        .toBuffer(),
    );
    // The PNG's IHDR made to claim 100,000 × 100,000 pixels, its checksum mended.
    bomb.writeUInt32BE(100_000, 16);
    bomb.writeUInt32BE(100_000, 20);
    bomb.writeUInt32BE(crc32(bomb.subarray(12, 29)), 29);
    expect((await upload(bomb)).body).toMatchObject({
      status: 400,
      code: 'image_too_many_pixels',
      title: '图片像素过多（最多 2400 万像素），请缩小后再上传',
    });
    expect((await upload(bomb, 'en')).body.title).toBe(
      'The image has too many pixels (24 megapixels at most); scale it down and upload it again',
    );
    expect(await listed()).toEqual([]);
  });
});
