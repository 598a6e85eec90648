import Papa from 'papaparse';
import { loadExcel } from './excel.ts';
import { guardCell, type SheetCell } from './formulas.ts';
import type { SheetFormat } from './read.ts';

/** What `writeTable` takes: a `Table` (text only), or rows that also carry numbers (written as numbers). */
export interface SheetData {
  header: readonly string[];
  rows: ReadonlyArray<ReadonlyArray<SheetCell>>;
}

/**
 * CSV with a byte-order mark, so Excel opens the UTF-8 Chinese text correctly. Every text cell is guarded against
 * formulas and quoted: quoting keeps a `;` or a tab inside a cell from starting a new cell (and a formula there) in a
 * spreadsheet that splits on another separator than ours. Numbers stay numbers.
 */
function writeCsv(data: SheetData): Uint8Array<ArrayBuffer> {
  const rows = [data.header, ...data.rows].map((row) => row.map(guardCell));
  const csv = Papa.unparse(rows, { newline: '\r\n', quotes: (cell: SheetCell) => typeof cell === 'string' });
  return new TextEncoder().encode('\uFEFF' + csv);
}

/**
 * Text goes in as string cells (never formulas) in columns formatted as text (`@`), so a cell stays text even after
 * someone edits it in Excel — the XLSX counterpart of the CSV guard — and room "0101" or an ID number is not turned
 * into a number. A finite number is a number cell; any other number is written as its text.
 */
async function writeXlsx(data: SheetData, sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new (await loadExcel()).Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = data.header.map((name) => ({
    header: name,
    width: Math.max(10, name.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(data.rows.map((row) => row.map((cell) => (Number.isFinite(cell) ? cell : String(cell)))));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function writeTable(
  data: SheetData,
  format: SheetFormat,
  sheetName = 'Sheet1',
): Promise<Uint8Array<ArrayBuffer>> {
  return format === 'xlsx' ? writeXlsx(data, sheetName) : writeCsv(data);
}

export const MEDIA_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
