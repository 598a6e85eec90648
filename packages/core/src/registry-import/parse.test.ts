import { REGISTRY_COLUMNS } from '@city/contracts';
import { describe, expect, it } from 'vitest';
import { parseRegistrySheet } from './parse.ts';

const header = REGISTRY_COLUMNS.map((c) => c.label);
const row = (values: Partial<Record<(typeof REGISTRY_COLUMNS)[number]['key'], string>>) =>
  REGISTRY_COLUMNS.map((c) => values[c.key] ?? '');
const unit = {
  building: '1栋',
  entrance: '1单元',
  floor: '3',
  room: '301',
  registered_area: '89.5',
  sale_status: '已售已交付',
};

describe('registry sheet parsing', () => {
  it('reads units, co-owners on repeated rows, areas in 0.01 m² and Chinese or English labels', () => {
    const { units, problems } = parseRegistrySheet({
      header,
      rows: [
        row({
          ...unit,
          owner_name: '王强',
          owner_phone: '13811112222',
          owner_id_number: '11010519491231002x',
          designated_voter: '是',
        }),
        row({ ...unit, owner_name: '李梅' }),
        row({
          building: '1栋',
          entrance: '1单元',
          floor: '3',
          room: '302',
          contract_area: '91',
          sale_status: 'unsold',
        }),
      ],
    });
    expect(problems).toEqual([]);
    expect(units).toHaveLength(2);
    expect(units[0]).toMatchObject({ room: '301', registeredArea: 8950, saleStatus: 'sold_delivered', row: 2 });
    expect(units[0]!.owners).toEqual([
      expect.objectContaining({ name: '王强', idNumber: '11010519491231002X', designatedVoter: true }),
      expect.objectContaining({ name: '李梅', idNumber: null, designatedVoter: false }),
    ]);
    expect(units[1]).toMatchObject({ contractArea: 9100, saleStatus: 'unsold', owners: [] });
  });

  it('accepts English keys as headers and makes a sole owner the designated voter', () => {
    const english = REGISTRY_COLUMNS.map((c) => c.key.toUpperCase());
    const { units, problems } = parseRegistrySheet({ header: english, rows: [row({ ...unit, owner_name: '赵新' })] });
    expect(problems).toEqual([]);
    expect(units[0]!.owners[0]!.designatedVoter).toBe(true);
  });

  it('reports every problem with its sheet row and column, not just the first', () => {
    const { problems } = parseRegistrySheet({
      header,
      rows: [
        row({ ...unit, floor: '三', registered_area: '89.555' }),
        row({ ...unit, room: '', sale_status: '卖了' }),
        row({ ...unit, room: '303', owner_id_number: '110105194912310021', owner_name: '错号' }),
        row({ ...unit, room: '304', owner_phone: '13811112222' }),
      ],
    });
    expect(problems).toEqual([
      { row: 2, column: '楼层', code: 'floor_format' },
      { row: 2, column: '登记面积', code: 'area_format' },
      { row: 3, column: '房号', code: 'required' },
      { row: 3, column: '销售状态', code: 'sale_status_unknown' },
      { row: 4, column: '业主身份证号', code: 'id_number_invalid' },
      { row: 5, column: '业主姓名', code: 'owner_name_required' },
    ]);
  });

  it('refuses rows of one unit that disagree, repeated owners, and co-owners without exactly one voter', () => {
    const { problems } = parseRegistrySheet({
      header,
      rows: [
        row({ ...unit, owner_name: '甲' }),
        row({ ...unit, owner_name: '乙' }),
        row({ ...unit, registered_area: '90', owner_name: '丙' }),
        row({ ...unit, room: '305', owner_name: '丁', owner_id_number: '11010519491231002X', designated_voter: '是' }),
        row({ ...unit, room: '305', owner_name: '丁', owner_id_number: '11010519491231002X' }),
      ],
    });
    expect(problems).toEqual([
      { row: 2, column: '表决人', code: 'one_designated_voter' },
      { row: 4, column: null, code: 'unit_rows_differ' },
      { row: 6, column: '业主姓名', code: 'owner_repeated' },
    ]);
  });

  it('takes masked ID numbers and phones from an exported file as "keep what is stored"', () => {
    const { units, problems } = parseRegistrySheet({
      header,
      rows: [row({ ...unit, owner_name: '王强', owner_phone: '138****2222', owner_id_number: '1101**********002X' })],
    });
    expect(problems).toEqual([]);
    expect(units[0]!.owners[0]).toMatchObject({
      phone: null,
      phoneMasked: true,
      idNumber: null,
      idNumberMasked: '1101**********002X',
    });
  });

  it('names missing required columns and empty files', () => {
    expect(parseRegistrySheet({ header: ['楼栋', '房号'], rows: [['1栋', '101']] }).problems).toEqual([
      { row: 1, column: '楼层', code: 'import_missing_column' },
      { row: 1, column: '销售状态', code: 'import_missing_column' },
    ]);
    expect(parseRegistrySheet({ header, rows: [] }).problems).toEqual([{ row: 2, column: null, code: 'import_empty' }]);
  });

  it('refuses text no page can show in any cell, and names that reorder or show nothing', () => {
    const { units, problems } = parseRegistrySheet({
      header,
      rows: [
        row({ ...unit, room: '30\u00001' }),
        row({ ...unit, owner_name: '\ud800' }),
        row({ ...unit, building: '\u202e栋1' }),
        row({ ...unit, building: '\u200b\u3000' }),
        row({ ...unit, owner_name: '王\u2067强', owner_phone: '13811112222' }),
      ],
    });
    expect(units).toEqual([]);
    expect(problems).toEqual([
      { row: 2, column: '房号', code: 'text_hostile' },
      { row: 3, column: '业主姓名', code: 'text_hostile' },
      { row: 4, column: '楼栋', code: 'text_bidi' },
      { row: 5, column: '楼栋', code: 'required' },
      { row: 6, column: '业主姓名', code: 'text_bidi' },
    ]);
  });
});
