import { printDate, printDateTime } from './dates.ts';
import type { FontSource } from './font-source.ts';
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

/** One entry of a printed board: its heading line, a line of dates and facts, and its text. */
export interface BoardEntry {
  label: string;
  meta: string;
  body: string;
}

export interface BoardInput {
  neighbourhood: string;
  heading: string;
  /** What the page says when there is nothing to show. */
  empty: string;
  /** The public page this printout was made from; the QR code points back to it. */
  url: string;
  printedAt: Date;
  entries: BoardEntry[];
}

/** A public board on paper, for the notice board by the gate: its entries, and a QR code back online. */
export async function renderBoard(input: BoardInput, fonts: FontSource): Promise<Uint8Array<ArrayBuffer>> {
  const printed = `打印时间 ${printDateTime(input.printedAt)} · 扫码查看最新内容`;
  const pdf = await PdfWriter.open(
    fonts,
    { title: `${input.neighbourhood} ${input.heading}` },
    {
      regular: [input.neighbourhood, printed, input.empty, ...input.entries.flatMap((e) => [e.meta, e.body])],
      bold: [input.heading, ...input.entries.map((e) => e.label)],
    },
  );
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  pdf.qr(input.url, left + width - 96, 40, 96);
  pdf.text(input.neighbourhood, { size: 12, color: '#52606d', width: width - 110 }, { x: left, y: 56 });
  pdf.text(input.heading, { size: 22, weight: 'bold', width: width - 110 });
  pdf.text(printed, { size: 9, color: '#52606d', width: width - 110 });
  pdf.rule(150);
  doc.y = 164;
  if (!input.entries.length) pdf.text(input.empty, { size: 12 }, { x: left, y: 170 });
  for (const entry of input.entries) {
    if (doc.y > doc.page.height - 160) doc.addPage();
    pdf.text(entry.label, { size: 14, weight: 'bold', width }, { x: left, y: doc.y + 8 });
    if (entry.meta) pdf.text(entry.meta, { size: 9, color: '#52606d', width });
    doc.moveDown(0.3);
    pdf.text(entry.body, { size: 11, lineGap: 3, width });
    pdf.rule(doc.y + 8);
    doc.y += 12;
  }
  return pdf.finish();
}

/** The public 公示 board on paper: every live public notice, with its disclosure period. */
export function renderNoticeBoard(input: NoticeBoardInput, fonts: FontSource): Promise<Uint8Array<ArrayBuffer>> {
  return renderBoard(
    {
      neighbourhood: input.neighbourhood,
      heading: '公示栏 · 公开信息',
      empty: '目前没有公开的通知或公示。',
      url: input.url,
      printedAt: input.printedAt,
      entries: input.notices.map((notice) => ({
        label: `【${notice.category}】${notice.pinned ? '【置顶】' : ''}${notice.title}`,
        meta: [
          notice.publishedAt ? `发布 ${printDate(notice.publishedAt)}` : null,
          notice.expiresAt ? `公示期至 ${printDate(notice.expiresAt)}` : null,
        ]
          .filter(Boolean)
          .join(' · '),
        body: notice.body,
      })),
    },
    fonts,
  );
}
