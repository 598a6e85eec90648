import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { SheetFormat, Table } from './read.ts';

/** CSV with a byte-order mark, so Excel opens the UTF-8 Chinese text correctly. */
function writeCsv(data: Table): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode('\uFEFF' + Papa.unparse([data.header, ...data.rows], { newline: '\r\n' }));
}

async function writeXlsx(data: Table, sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Every cell is text: room numbers like "0101" and ID numbers must not become numbers.
  sheet.columns = data.header.map((name) => ({
    header: name,
    width: Math.max(10, name.length * 2 + 4),
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRows(data.rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function writeTable(
  data: Table,
  format: SheetFormat,
  sheetName = 'Sheet1',
): Promise<Uint8Array<ArrayBuffer>> {
  return format === 'xlsx' ? writeXlsx(data, sheetName) : writeCsv(data);
}

export const MEDIA_TYPES: Record<SheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
