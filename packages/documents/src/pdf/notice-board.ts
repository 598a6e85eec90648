import { printDate, printDateTime } from './dates.ts';
import { PdfWriter } from './writer.ts';

export interface PrintedNotice {
  title: string;
  /** Localised category label, e.g. 公示. */
  category: string;
  body: string;
  publishedAt: Date | null;
  /** For 公示: the end of the disclosure period. */
  expiresAt: Date | null;
  pinned: boolean;
}

export interface NoticeBoardInput {
  neighbourhood: string;
  /** The public page this printout was made from; the QR code points back to it. */
  url: string;
  printedAt: Date;
  notices: PrintedNotice[];
}

/** The public 公示 board on paper, for the notice board by the gate: every live public notice, a QR back online. */
export async function renderNoticeBoard(input: NoticeBoardInput): Promise<Uint8Array<ArrayBuffer>> {
  const heading = '公示栏 · 公开信息';
  const printed = `打印时间 ${printDateTime(input.printedAt)} · 扫码查看最新内容`;
  const empty = '目前没有公开的通知或公示。';
  const label = (notice: PrintedNotice) => `【${notice.category}】${notice.pinned ? '【置顶】' : ''}${notice.title}`;
  const period = (notice: PrintedNotice) =>
    [
      notice.publishedAt ? `发布 ${printDate(notice.publishedAt)}` : null,
      notice.expiresAt ? `公示期至 ${printDate(notice.expiresAt)}` : null,
    ]
      .filter(Boolean)
      .join(' · ');
  const pdf = await new PdfWriter({ title: `${input.neighbourhood} 公示栏` }).prepare({
    regular: [input.neighbourhood, printed, empty, ...input.notices.flatMap((n) => [period(n), n.body])],
    bold: [heading, ...input.notices.map(label)],
  });
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  pdf.qr(input.url, left + width - 96, 40, 96);
  pdf.text(input.neighbourhood, { size: 12, color: '#52606d', width: width - 110 }, { x: left, y: 56 });
  pdf.text(heading, { size: 22, weight: 'bold', width: width - 110 });
  pdf.text(printed, { size: 9, color: '#52606d', width: width - 110 });
  pdf.rule(150);
  doc.y = 164;
  if (!input.notices.length) pdf.text(empty, { size: 12 }, { x: left, y: 170 });
  for (const notice of input.notices) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    pdf.text(label(notice), { size: 14, weight: 'bold', width }, { x: left, y: doc.y + 8 });
    if (period(notice)) pdf.text(period(notice), { size: 9, color: '#52606d', width });
    doc.moveDown(0.3);
    pdf.text(notice.body, { size: 11, lineGap: 3, width });
    pdf.rule(doc.y + 8);
    doc.y += 12;
  }
  return pdf.finish();
}
