import { describe, expect, it } from 'vitest';
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
