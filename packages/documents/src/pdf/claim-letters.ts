import { printDate } from './dates.ts';
import type { FontSource } from './font-source.ts';
import { PdfWriter } from './writer.ts';

export interface ClaimLetter {
  /** e.g. "3栋 2单元 1502". */
  address: string;
  /** The code as printed (grouped for reading aloud). */
  code: string;
  /** Claim page with the code filled in; the QR code points here. */
  url: string;
}

export interface ClaimLettersInput {
  neighbourhood: string;
  expiresAt: Date;
  letters: ClaimLetter[];
}

const copy = {
  title: '住户认证邀请函',
  subtitle: 'Resident verification letter',
  greeting: (address: string) => `致 ${address} 的业主、住户：`,
  purpose:
    '为方便您接收本小区的通知、公示和参与业主大会表决，请使用下面的认证码在“城市生活网”认领您的房屋。' +
    '认领后，业主身份以小区房屋登记信息为准。',
  codeLabel: '认证码 / Code',
  validity: (until: string) => `有效期至 ${until}，仅可使用一次`,
  validityEn: 'Valid once, until the date above',
  howTo: '如何认领',
  steps: [
    '1. 用手机扫描右上方二维码，或在浏览器打开下面的网址；',
    '2. 用本人手机号注册或登录；',
    '3. 确认认证码和您与房屋的关系（业主、家庭成员或租户），提交即可。',
  ],
  keepSafe: '请妥善保管本函，勿转交他人。如认证码遗失或已被他人使用，请联系物业服务中心或业主委员会重新发放。',
};

/**
 * 住户认证邀请函: one A4 page per unit, for the admin to print and put in letterboxes. The code is single-use;
 * the page says so, and says how to claim without a phone camera.
 */
export async function renderClaimLetters(
  input: ClaimLettersInput,
  fonts: FontSource,
): Promise<Uint8Array<ArrayBuffer>> {
  const until = printDate(input.expiresAt);
  const pdf = await PdfWriter.open(
    fonts,
    { title: `${input.neighbourhood} ${copy.title}` },
    {
      regular: [
        input.neighbourhood,
        copy.subtitle,
        copy.purpose,
        copy.codeLabel,
        copy.validity(until),
        copy.validityEn,
        copy.keepSafe,
        ...copy.steps,
        ...input.letters.flatMap((l) => [copy.greeting(l.address), l.url]),
      ],
      bold: [copy.title, copy.howTo, ...input.letters.map((l) => l.code)],
    },
  );
  const { doc } = pdf;
  input.letters.forEach((letter, i) => {
    if (i > 0) doc.addPage();
    const left = doc.page.margins.left;
    const width = doc.page.width - left - doc.page.margins.right;
    pdf.text(input.neighbourhood, { size: 12, color: '#52606d' }, { x: left, y: 56 });
    pdf.text(copy.title, { size: 24, weight: 'bold' });
    pdf.text(copy.subtitle, { size: 10, color: '#52606d' });
    pdf.rule(doc.y + 10);
    pdf.text(copy.greeting(letter.address), { size: 13 }, { x: left, y: doc.y + 24 });
    doc.moveDown(0.6);
    pdf.text(copy.purpose, { size: 12, lineGap: 4, width });
    const boxTop = doc.y + 24;
    doc.save().roundedRect(left, boxTop, width, 170, 8).lineWidth(1).strokeColor('#1f6feb').stroke().restore();
    pdf.text(copy.codeLabel, { size: 11, color: '#52606d' }, { x: left + 20, y: boxTop + 20 });
    pdf.text(letter.code, { size: 30, weight: 'bold', characterSpacing: 2 }, { x: left + 20, y: boxTop + 42 });
    pdf.text(copy.validity(until), { size: 11 }, { x: left + 20, y: boxTop + 96 });
    pdf.text(copy.validityEn, { size: 9, color: '#52606d' }, { x: left + 20, y: boxTop + 116 });
    pdf.qr(letter.url, left + width - 160, boxTop + 5, 160);
    pdf.text(copy.howTo, { size: 14, weight: 'bold' }, { x: left, y: boxTop + 200 });
    doc.moveDown(0.3);
    copy.steps.forEach((line) => pdf.text(line, { size: 12, lineGap: 3, width }));
    doc.moveDown(0.5);
    const linkTop = doc.y;
    pdf.text(letter.url, { size: 10, color: '#1f6feb', width });
    // One clickable area over the printed address (for people who open the PDF on a screen).
    doc.link(left, linkTop, width, doc.y - linkTop, letter.url);
    doc.moveDown(1);
    pdf.text(copy.keepSafe, { size: 10, color: '#52606d', lineGap: 3, width });
  });
  return pdf.finish();
}
