import { describe, expect, it } from 'vitest';
import { entranceGrids, matches, unitState } from './building-grid.ts';

const unit = (entrance: string, floor: number, room: string, owners: { name: string; verified: boolean }[] = []) => ({
  entrance,
  floor,
  room,
  owners,
});

describe('a building as floor × room grids', () => {
  it('puts 单元 in natural order, floors from the top and rooms by their number on the floor', () => {
    const grids = entranceGrids([
      unit('10单元', 1, '101'),
      unit('2单元', 1, '102'),
      unit('2单元', 1, '101'),
      unit('2单元', 10, '1001'),
      unit('2单元', 2, '202'),
    ]);
    expect(grids.map((g) => g.entrance)).toEqual(['2单元', '10单元']);
    const [second] = grids;
    expect(second!.columns).toEqual(['01', '02']);
    expect(second!.floors.map((f) => [f.floor, f.cells.map((c) => c?.room ?? null)])).toEqual([
      [10, ['1001', null]],
      [2, [null, '202']],
      [1, ['101', '102']],
    ]);
  });

  it('places rooms not numbered by floor one after another', () => {
    const [grid] = entranceGrids([unit('', 1, 'B'), unit('', 1, 'A'), unit('', 2, 'C')]);
    expect(grid!.columns).toEqual(['1', '2']);
    expect(grid!.floors.map((f) => f.cells.map((c) => c?.room ?? null))).toEqual([
      ['C', null],
      ['A', 'B'],
    ]);
  });

  it('tells verified, unverified and vacant units apart', () => {
    expect(unitState(unit('', 1, '101'))).toBe('vacant');
    expect(unitState(unit('', 1, '101', [{ name: '蔡超', verified: false }]))).toBe('unverified');
    expect(
      unitState(
        unit('', 1, '101', [
          { name: '蔡超', verified: false },
          { name: '冯海燕', verified: true },
        ]),
      ),
    ).toBe('verified');
  });

  it('finds a unit by part of its room number or of an owner name', () => {
    const u = unit('1单元', 15, '1502', [{ name: '冯海燕', verified: false }]);
    expect(matches(u, '150')).toBe(true);
    expect(matches(u, '海燕')).toBe(true);
    expect(matches(u, ' ')).toBe(true);
    expect(matches(u, '王')).toBe(false);
  });
});
