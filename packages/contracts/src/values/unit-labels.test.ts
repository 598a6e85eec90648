import { describe, expect, it } from 'vitest';
import { dayLabel } from './day-label.ts';
import { addressLabel, buildingLabel, unitLabel } from './unit-labels.ts';

describe('unit labels', () => {
  it('spells the usual patterns out for an English reader and keeps them for a Chinese one', () => {
    expect(addressLabel('1栋 1单元 202', 'en')).toBe('Bldg 1, Unit 1, Room 202');
    expect(addressLabel('1栋 1单元 202', 'zh-CN')).toBe('1栋 1单元 202');
    expect(addressLabel('12号楼 1502', 'en')).toBe('Bldg 12, Room 1502');
    expect(unitLabel({ buildingName: '3幢', entrance: '', room: '101' }, 'en')).toBe('Bldg 3, Room 101');
    expect(unitLabel({ buildingName: '3幢', entrance: '2单元', room: '101' }, 'zh-CN')).toBe('3幢 2单元 101');
  });

  it('leaves a name the neighbourhood chose as typed', () => {
    expect(buildingLabel('紫荆阁', 'en')).toBe('紫荆阁');
    expect(addressLabel('紫荆阁 东单元 8A', 'en')).toBe('紫荆阁, 东单元, Room 8A');
  });
});

describe('day labels', () => {
  it('writes a day for an English reader day first, and keeps it for a Chinese one', () => {
    expect(dayLabel('2026-12-18', 'en')).toBe('18 Dec 2026');
    expect(dayLabel('2026-12-18', 'zh-CN')).toBe('2026-12-18');
  });
});
