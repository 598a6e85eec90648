import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFontAssets } from '../../scripts/build-font-assets.ts';
import { loadFonts } from './cjk-fonts.ts';
import { nodeFontSource } from './font-source-node.ts';
import {
  assetFontSource,
  renderClaimLetters,
  renderFeedbackPosters,
  renderNoticeBoard,
  renderPrintedNotice,
  type FontSource,
} from './index.ts';

const fonts = nodeFontSource();

const pages = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString('latin1')
    .match(/\/Type \/Page\b/g)?.length ?? 0;

/** The characters the PDF maps back to Unicode (its ToUnicode CMaps), i.e. what a reader can copy out of it. */
function unicodeText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  let out = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    if (!body.includes('begincmap')) continue;
    for (const list of body.matchAll(/\[([^\]]*)\]/g)) {
      for (const hex of list[1]!.matchAll(/<([0-9a-f]+)>/gi))
        out += Buffer.from(hex[1]!, 'hex').swap16().toString('utf16le');
    }
  }
  return out;
}

/** The names of the fonts a PDF uses, without their subset tags (ABCDEF+NotoSansSC-Regular). */
const fontNames = (pdf: Uint8Array) =>
  [
    ...Buffer.from(pdf)
      .toString('latin1')
      .matchAll(/\/BaseFont \/(?:[A-Z]{6}\+)?([^\s/>]+)/g),
  ].map((m) => m[1]);

describe('CJK font runs', () => {
  it('cuts text by the font slice that holds each character and keeps spaces inside runs', async () => {
    const runs = (await loadFonts(fonts, { regular: [], bold: [] })).runs('金色家园 3栋', 'regular');
    expect(runs.map((r) => r.text).join('')).toBe('金色家园 3栋');
    expect(runs.every((r) => r.font.startsWith('regular/'))).toBe(true);
    expect(runs.some((r) => r.text.startsWith(' '))).toBe(false);
  });
});

describe('font sources', () => {
  let assets: string;
  let fromAssets: FontSource;
  beforeAll(async () => {
    assets = await mkdtemp(join(tmpdir(), 'font-assets-'));
    await buildFontAssets(assets);
    fromAssets = assetFontSource(async (path) => new Response(await readFile(join(assets, path))));
  });
  afterAll(() => rm(assets, { recursive: true, force: true }));

  const mixed = {
    regular: ['金色家园 3栋 2单元 1502 — Resident verification letter, valid once (№ 7)'],
    bold: ['住户认证邀请函 ABCD-EFGH-JK'],
  };

  it('cut mixed Chinese and Latin text into the same runs of the same TrueType slices', async () => {
    const [node, edge] = await Promise.all([loadFonts(fonts, mixed), loadFonts(fromAssets, mixed)]);
    for (const weight of ['regular', 'bold'] as const) {
      const runs = node.runs(mixed[weight][0]!, weight);
      expect(runs.length).toBeGreaterThan(1);
      expect(edge.runs(mixed[weight][0]!, weight)).toEqual(runs);
      for (const run of runs) expect(edge.bytes(run.font)).toEqual(node.bytes(run.font));
    }
  });

  it('print the same text in the same fonts, Latin included, and never a standard PDF font', async () => {
    const notice = (source: FontSource) =>
      renderPrintedNotice(
        {
          neighbourhood: mixed.regular[0]!,
          title: mixed.bold[0]!,
          url: 'https://example.cn/p/jinse',
          qrCaption: 'Scan 扫码',
          printedAt: new Date('2026-11-25T02:00:00Z'),
          sections: [{ heading: 'Section 一', lines: mixed.regular }],
          footer: ['sha256 0f3a…'],
        },
        source,
      );
    const [node, edge] = await Promise.all([notice(fonts), notice(fromAssets)]);
    expect(unicodeText(edge)).toBe(unicodeText(node));
    expect(fontNames(edge)).toEqual(fontNames(node));
    expect(fontNames(node).length).toBeGreaterThan(1);
    expect(fontNames(node).every((name) => name?.startsWith('NotoSansSC'))).toBe(true);
    for (const char of 'Resident verification ABCD金色家园') expect(unicodeText(edge)).toContain(char);
  });

  it('skip a build whose index is of the installed noto-sans-sc version', async () => {
    expect(await buildFontAssets(assets)).toMatchObject({ built: false });
  });
});

describe('claim letters', () => {
  it('prints one page per unit with the Chinese text embedded as real glyphs', async () => {
    const pdf = await renderClaimLetters(
      {
        neighbourhood: '金色家园',
        expiresAt: new Date('2026-12-31T00:00:00Z'),
        letters: [
          { address: '1栋 1单元 101', code: 'ABCD-EFGH-JK', url: 'https://example.cn/claim/jinse?code=ABCDEFGHJK' },
          { address: '1栋 1单元 102', code: 'MNPQ-RSTV-WX', url: 'https://example.cn/claim/jinse?code=MNPQRSTVWX' },
        ],
      },
      fonts,
    );
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pages(pdf)).toBe(2);
    const text = unicodeText(pdf);
    for (const char of '金色家园住户认证邀请函栋单元') expect(text).toContain(char);
  });
});

describe('码上提 posters', () => {
  it('prints one page per building and one for the neighbourhood, each with its own address', async () => {
    const pdf = await renderFeedbackPosters(
      {
        neighbourhood: '金色家园',
        workingDays: 10,
        posters: [
          { building: null, url: 'https://example.cn/n/jinse/feedback?building=public' },
          { building: '3栋', url: 'https://example.cn/n/jinse/feedback?building=b3' },
        ],
      },
      fonts,
    );
    expect(pages(pdf)).toBe(2);
    const text = unicodeText(pdf);
    for (const char of '金色家园码上提全小区通用二维码栋专用工作日答复') expect(text).toContain(char);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw).toContain('building=b3');
    expect(raw).toContain('building=public');
  });
});

describe('notice board', () => {
  it('prints the public notices with their disclosure period', async () => {
    const pdf = await renderNoticeBoard(
      {
        neighbourhood: '翠湖苑',
        url: 'https://example.cn/p/cuihu-yuan',
        printedAt: new Date('2026-11-25T02:00:00Z'),
        notices: [
          {
            title: '电梯维修公示',
            category: '公示',
            body: '维修费用明细如下。',
            publishedAt: new Date('2026-11-20T00:00:00Z'),
            expiresAt: new Date('2026-12-05T00:00:00Z'),
            pinned: true,
          },
        ],
      },
      fonts,
    );
    expect(pages(pdf)).toBe(1);
    const text = unicodeText(pdf);
    for (const char of '翠湖苑电梯维修公示期至') expect(text).toContain(char);
  });
});
