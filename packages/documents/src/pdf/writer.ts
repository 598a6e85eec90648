import type PDFKitDocument from 'pdfkit';
import QRCode from 'qrcode';
import { loadFonts, type DocumentFonts } from './cjk-fonts.ts';
import type { FontSource, Weight } from './font-source.ts';

export type TextOptions = PDFKit.Mixins.TextOptions & { weight?: Weight; size?: number; color?: string };

/**
 * A PDFKit document that writes Chinese and Latin text (all of it in the sliced Noto Sans SC) and QR codes, and
 * returns the finished file as bytes. Page geometry is A4 in points.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly fonts: DocumentFonts;
  private readonly registered = new Set<string>();
  private readonly chunks: Uint8Array[] = [];
  private readonly done: Promise<Uint8Array<ArrayBuffer>>;

  /** Loads the font slices for everything the document will write, each weight's texts, then opens it. */
  static async open(
    source: FontSource,
    info: { title: string; author?: string },
    texts: Record<Weight, Iterable<string>>,
  ): Promise<PdfWriter> {
    // PDFKit is loaded by the first document, not by every start of a server that may never print one.
    const [fonts, { default: PDFDocument }] = await Promise.all([loadFonts(source, texts), import('pdfkit')]);
    return new PdfWriter(fonts, info, PDFDocument);
  }

  private constructor(
    fonts: DocumentFonts,
    info: { title: string; author?: string },
    PDFDocument: typeof PDFKitDocument,
  ) {
    this.fonts = fonts;
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      info: { Title: info.title, Author: info.author ?? '城市生活网' },
      lang: 'zh-CN',
      // No default font: PDFKit would load Helvetica's metrics (read from its package in Node, absent on an edge
      // runtime) for text that is never written in it.
      font: '',
    });
    this.done = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Uint8Array) => this.chunks.push(chunk));
      this.doc.on('end', () => resolve(concat(this.chunks)));
      this.doc.on('error', reject);
    });
  }

  /** Writes a paragraph at the current position (or at x, y), wrapping within the page margins. */
  text(value: string, options: TextOptions = {}, at?: { x: number; y: number }) {
    const { weight = 'regular', size = 11, color = '#1f2933', ...rest } = options;
    const runs = this.fonts.runs(value.length ? value : ' ', weight);
    this.doc.fontSize(size).fillColor(color);
    runs.forEach((run, i) => {
      if (!this.registered.has(run.font)) {
        this.doc.registerFont(run.font, this.fonts.bytes(run.font));
        this.registered.add(run.font);
      }
      this.doc.font(run.font);
      const options = { ...rest, continued: i < runs.length - 1 };
      if (i === 0 && at) this.doc.text(run.text, at.x, at.y, options);
      else this.doc.text(run.text, options);
    });
    return this;
  }

  /** Draws a QR code as vector squares (sharp at any print size), with its quiet zone inside `size`. */
  qr(value: string, x: number, y: number, size: number) {
    const { modules } = QRCode.create(value, { errorCorrectionLevel: 'M' });
    const cells = modules.size + 8;
    const cell = size / cells;
    this.doc.save().fillColor('#000000');
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        if (modules.get(row, col)) this.doc.rect(x + (col + 4) * cell, y + (row + 4) * cell, cell, cell);
      }
    }
    this.doc.fill().restore();
    return this;
  }

  rule(y: number) {
    const { left, right } = this.doc.page.margins;
    this.doc
      .save()
      .strokeColor('#c2c8d0')
      .lineWidth(0.5)
      .moveTo(left, y)
      .lineTo(this.doc.page.width - right, y)
      .stroke()
      .restore();
    return this;
  }

  finish(): Promise<Uint8Array<ArrayBuffer>> {
    this.doc.end();
    return this.done;
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
