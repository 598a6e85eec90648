import { printDateTime } from './dates.ts';
import type { FontSource } from './font-source.ts';
import { PdfWriter } from './writer.ts';

export interface PrintedSection {
  heading: string;
  /** Paragraphs, each wrapped within the page. */
  lines: string[];
}

export interface PrintedNoticeInput {
  neighbourhood: string;
  title: string;
  /** Where the reader checks this online; printed as a QR code with its caption. */
  url: string;
  qrCaption: string;
  printedAt: Date;
  sections: PrintedSection[];
  /** Small print at the end (hashes, signatures, legal basis). */
  footer: string[];
}

/**
 * One notice for the board by the gate (a result notice, a meeting notice): title, sections, small print, and a QR
 * code to the page where anyone can check it.
 */
export async function renderPrintedNotice(
  input: PrintedNoticeInput,
  fonts: FontSource,
): Promise<Uint8Array<ArrayBuffer>> {
  const printed = `打印时间 ${printDateTime(input.printedAt)}`;
  const pdf = await PdfWriter.open(
    fonts,
    { title: `${input.neighbourhood} ${input.title}` },
    {
      regular: [
        input.neighbourhood,
        printed,
        input.qrCaption,
        ...input.sections.flatMap((s) => s.lines),
        ...input.footer,
      ],
      bold: [input.title, ...input.sections.map((s) => s.heading)],
    },
  );
  const { doc } = pdf;
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  pdf.qr(input.url, left + width - 96, 40, 96);
  pdf.text(
    input.qrCaption,
    { size: 8, color: '#52606d', width: 110, align: 'center' },
    { x: left + width - 103, y: 136 },
  );
  pdf.text(input.neighbourhood, { size: 12, color: '#52606d', width: width - 110 }, { x: left, y: 56 });
  pdf.text(input.title, { size: 20, weight: 'bold', width: width - 110 });
  pdf.text(printed, { size: 9, color: '#52606d', width: width - 110 });
  pdf.rule(160);
  doc.y = 172;
  for (const section of input.sections) {
    if (doc.y > doc.page.height - 140) doc.addPage();
    pdf.text(section.heading, { size: 13, weight: 'bold', width }, { x: left, y: doc.y + 6 });
    doc.moveDown(0.2);
    for (const line of section.lines) pdf.text(line, { size: 11, lineGap: 3, width });
  }
  if (input.footer.length) {
    if (doc.y > doc.page.height - 120) doc.addPage();
    pdf.rule(doc.y + 10);
    doc.y += 16;
    for (const line of input.footer) pdf.text(line, { size: 8, color: '#52606d', width });
  }
  return pdf.finish();
}
