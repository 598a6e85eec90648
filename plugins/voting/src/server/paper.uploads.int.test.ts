import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useWorld, type TestApp, type World } from '@city/testing';
import { votingPlugin } from './index.ts';
import { installVoting, openMeeting, seedVotingNeighbourhood } from './testing.ts';

/**
 * Proxies' signed authorisations at the count desk: a photo is kept only as encoded afresh (no GPS position, nothing
 * hidden after the image), a PDF as sent; each is served with the type it was stored as and nosniff, a photo inline
 * and a PDF as a download.
 */

async function setUp(h: TestApp, world: World) {
  await seedVotingNeighbourhood(h, world.tenantA.id, { singles: 2 });
  expect((await installVoting(h, world)).status).toBe(200);
}
const current = useWorld({ plugins: [votingPlugin], setUp });

async function countDesk() {
  const { h, world } = current;
  const meeting = await openMeeting(h, world);
  const upload = (bytes: Uint8Array, locale: 'zh-CN' | 'en' = 'zh-CN') =>
    h.call('POST', `${meeting.path}/proxy-documents`, {
      token: world.tokens.staffA,
      body: new Uint8Array(bytes),
      // Whatever the client claims, the bytes decide.
      headers: { 'content-type': 'image/png' },
      locale,
    });
  const served = (id: string) =>
    h.call('GET', `${meeting.path}/proxy-documents/${id}`, { token: world.tokens.committeeA });
  return { upload, served };
}

/** A signed authorisation photographed with a phone: sideways (EXIF orientation 6), with where it was taken. */
const phonePhoto = () =>
  sharp({ create: { width: 60, height: 40, channels: 3, background: '#eee' } })
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
const sha256 = (bytes: ArrayBuffer) => createHash('sha256').update(new Uint8Array(bytes)).digest('hex');

describe('proxy authorisations', () => {
  it('keeps a photo upright without its GPS position, names it by the digest of what is served, serves it inline', async () => {
    const { upload, served } = await countDesk();
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const created = await upload(photo);
    expect(created).toMatchObject({ status: 201, body: { mediaType: 'image/jpeg' } });

    const res = await served(created.body.id);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'image/jpeg',
      'x-content-type-options': 'nosniff',
      'content-disposition': `inline; filename="proxy-authorisation-${created.body.id}.jpg"`,
    });
    expect(sha256(res.raw)).toBe(created.body.digest);
    expect(created.body.size).toBe(res.raw.byteLength);
    const kept = await sharp(Buffer.from(res.raw)).metadata();
    expect(kept).toMatchObject({ format: 'jpeg', width: 40, height: 60 });
    for (const field of ['exif', 'xmp', 'orientation'] as const) expect(kept[field], field).toBeUndefined();
  });

  it('neutralises a photo with HTML after it and refuses image magic bytes with only HTML behind them', async () => {
    const { upload, served } = await countDesk();
    const polyglot = await upload(Buffer.concat([await phonePhoto(), HTML]));
    expect(polyglot.status).toBe(201);
    const kept = Buffer.from((await served(polyglot.body.id)).raw);
    expect(kept.includes('<html>')).toBe(false);
    expect([...kept.subarray(-2)]).toEqual([0xff, 0xd9]);

    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), HTML]);
    expect((await upload(fake)).body).toMatchObject({
      status: 400,
      code: 'voting.document_invalid',
      title: '委托书须为 JPEG、PNG、WebP 图片或 PDF 文件',
    });
    expect((await upload(fake, 'en')).body.title).toBe('The authorisation must be a JPEG, PNG or WebP image or a PDF');
  });

  it('keeps a PDF as sent and serves it only as a download', async () => {
    const { upload, served } = await countDesk();
    // A PDF cannot be re-encoded: whatever it carries, it is never rendered inside the site.
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), HTML, Buffer.from('\n%%EOF\n')]);
    const created = await upload(pdf);
    expect(created).toMatchObject({ status: 201, body: { mediaType: 'application/pdf', size: pdf.length } });
    const res = await served(created.body.id);
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename="proxy-authorisation-${created.body.id}.pdf"`,
    });
    expect(Buffer.from(res.raw).equals(pdf)).toBe(true);
  });
});
