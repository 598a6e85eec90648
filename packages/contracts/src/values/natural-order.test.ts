import { describe, expect, it } from 'vitest';
import { compareNatural, compareNaturalBy } from './natural-order.ts';

describe('natural order', () => {
  it('orders rooms as numbers, not as text', () => {
    expect(['1101', '202', '1001', '101', '1002', '2'].sort(compareNatural)).toEqual([
      '2',
      '101',
      '202',
      '1001',
      '1002',
      '1101',
    ]);
  });

  it('orders buildings with Chinese labels by their numbers', () => {
    expect(['10栋', '2栋', '1栋', '商铺'].sort(compareNatural).slice(0, 3)).toEqual(['1栋', '2栋', '10栋']);
  });

  it('sorts by building, then unit, then room', () => {
    const units = [
      { b: '2栋', u: '1单元', r: '101' },
      { b: '1栋', u: '2单元', r: '101' },
      { b: '1栋', u: '1单元', r: '1001' },
      { b: '1栋', u: '1单元', r: '202' },
    ];
    const sorted = units.sort(
      compareNaturalBy(
        (x) => x.b,
        (x) => x.u,
        (x) => x.r,
      ),
    );
    expect(sorted.map((x) => `${x.b}${x.u}${x.r}`)).toEqual([
      '1栋1单元202',
      '1栋1单元1001',
      '1栋2单元101',
      '2栋1单元101',
    ]);
  });
});
