import type ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { loadExcel } from './excel.ts';
import { unguardCell } from './formulas.ts';

export type SheetFormat = 'csv' | 'xlsx';

/** A table as text: the header row and the data rows, every cell trimmed, blank rows dropped. */
export interface Table {
  header: string[];
  rows: string[][];
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Recognises the format from the bytes (an XLSX file is a zip), not from a name the user may have changed. */
export function formatOf(bytes: Uint8Array): SheetFormat {
  return XLSX_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
}

/**
 * CSV text. Excel on Chinese Windows saves CSV in GB 18030 (not UTF-8), so bytes that are not valid UTF-8 are
 * read as GB 18030 rather than turned into replacement characters.
 */
function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function table(cells: string[][]): Table {
  const rows = cells.map((row) => row.map((cell) => cell.trim()));
  const [header = [], ...data] = rows;
  return { header, rows: data.filter((row) => row.some((cell) => cell !== '')) };
}

/** The formula guard our CSV export adds comes off, so an exported table re-imports as it was. */
function readCsv(bytes: Uint8Array): Table {
  const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: 'greedy' });
  return table(parsed.data.map((row) => row.map(unguardCell)));
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const cells: string[][] = [];
  // columnCount scans every row when read: once, not per row.
  const columns = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let col = 1; col <= columns; col++) values.push(row.getCell(col).text ?? '');
    cells.push(values);
  });
  return table(cells);
}

export async function readTable(bytes: Uint8Array): Promise<Table> {
  return formatOf(bytes) === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
