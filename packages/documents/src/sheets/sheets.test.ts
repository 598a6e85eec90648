import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { guardCell, startsFormula } from './formulas.ts';
import { formatOf, readTable, writeTable } from './index.ts';

const sample = {
  header: ['楼栋', '单元', '房号', '业主姓名'],
  rows: [
    ['1栋', '1单元', '0101', '张三'],
    ['1栋', '', '0102', '李四, "小李"'],
  ],
};

describe('sheets', () => {
  it.each(['csv', 'xlsx'] as const)(
    'reads back what it wrote as %s, leading zeros and quotes intact',
    async (format) => {
      const bytes = await writeTable(sample, format, '房屋');
      expect(formatOf(bytes)).toBe(format);
      expect(await readTable(bytes)).toEqual(sample);
    },
  );

  it('reads CSV saved by Excel on Chinese Windows (GB 18030) and drops blank rows', async () => {
    // "楼栋,房号\r\n1栋,101\r\n,\r\n" in GB 18030
    const bytes = Uint8Array.from([
      0xc2, 0xa5, 0xb6, 0xb0, 0x2c, 0xb7, 0xbf, 0xba, 0xc5, 0x0d, 0x0a, 0x31, 0xb6, 0xb0, 0x2c, 0x31, 0x30, 0x31, 0x0d,
      0x0a, 0x2c, 0x0d, 0x0a,
    ]);
    expect(await readTable(bytes)).toEqual({ header: ['楼栋', '房号'], rows: [['1栋', '101']] });
  });

  it('ignores the UTF-8 byte-order mark and trims cells', async () => {
    const bytes = new TextEncoder().encode('\uFEFF楼栋 , 房号\n 2栋,201 \n');
    expect(await readTable(bytes)).toEqual({ header: ['楼栋', '房号'], rows: [['2栋', '201']] });
  });
});

/** OWASP's CSV-injection examples and the forms around them a guard must not miss. */
const PAYLOADS = [
  '=1+1',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,1)',
  '\t=1',
  '\r=1',
  "=cmd|' /C notepad'!'A1'",
  '=1+1\n第二行',
  '-',
  "'=1+1",
  "''-2",
  '\0=1',
];

/** The cells as a spreadsheet receives them: the CSV parsed without our reader's undoing of the guard. */
function rawCells(bytes: Uint8Array): string[][] {
  // The decoder drops the byte-order mark.
  return Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data;
}

describe('formula guard (CSV injection)', () => {
  it('prefixes every OWASP payload with an apostrophe and quotes it, in the header and the rows', async () => {
    const bytes = await writeTable({ header: ['楼栋', PAYLOADS[0]!], rows: PAYLOADS.map((p) => [p, '1栋']) }, 'csv');
    const [header, ...rows] = rawCells(bytes);
    expect(header).toEqual(['楼栋', "'=1+1"]);
    expect(rows.map((r) => r[0])).toEqual(PAYLOADS.map((p) => `'${p}`));
    // Every text cell is quoted: no cell of the file can start with anything but a quote.
    const text = new TextDecoder().decode(bytes);
    for (const p of PAYLOADS) expect(text).toContain(`"'${p.replaceAll('"', '""')}"`);
    expect(text.split('\r\n')[1]).toBe(`"'=1+1","1栋"`);
  });

  it('reads its own export back as it was written (trimmed, as every cell is)', async () => {
    const sheet = { header: ['名称'], rows: PAYLOADS.map((p) => [p]) };
    const back = await readTable(await writeTable(sheet, 'csv'));
    expect(back.rows.map((r) => r[0])).toEqual(PAYLOADS.map((p) => p.trim()));
  });

  it('keeps numbers that really are numbers: number cells, and text that is exactly a finite decimal', async () => {
    for (const text of ['-12.5', '-1', '+3', '-0.5e3', '1e3', '-.5']) expect(startsFormula(text), text).toBe(false);
    for (const text of ['-2+3', '-1e999', '-Infinity', '-0x1A', '- 1', '-1,000', '+', '@1'])
      expect(startsFormula(text), text).toBe(true);
    expect([guardCell(-12.5), guardCell(0), guardCell(-Infinity), guardCell('-12.5'), guardCell('1栋')]).toEqual([
      -12.5,
      0,
      "'-Infinity",
      '-12.5',
      '1栋',
    ]);
    const bytes = await writeTable(
      {
        header: ['楼层', '面积'],
        rows: [
          [-1, -12.5],
          ['-1', '-2+3'],
        ],
      },
      'csv',
    );
    expect(new TextDecoder().decode(bytes)).toBe('"楼层","面积"\r\n-1,-12.5\r\n"-1","\'-2+3"');
  });

  it('writes XLSX text as string cells in text-formatted columns, never as formulas', async () => {
    const bytes = await writeTable({ header: ['名称', '面积'], rows: PAYLOADS.map((p) => [p, 89.5]) }, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    PAYLOADS.forEach((payload, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.type, JSON.stringify(payload)).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // XML cannot hold a NUL (ExcelJS leaves it out) and reads a carriage return as a line feed.
      expect(cell.value).toBe(payload.replace('\0', '').replace('\r', '\n'));
      expect(cell.numFmt).toBe('@');
      expect(sheet.getRow(i + 2).getCell(2).value).toBe(89.5);
    });
  });
});
