import { describe, expect, it } from 'vitest';
import { AreaSchema } from './registry.ts';
import { countingArea, formatArea, isValidIdNumber, maskIdNumber } from './values/registry.ts';

describe('areas', () => {
  it('parse exactly into 0.01 m²', () => {
    expect(AreaSchema.parse('89.5')).toBe(8950);
    expect(AreaSchema.parse('89.50')).toBe(8950);
    expect(AreaSchema.parse(90.12)).toBe(9012);
    expect(AreaSchema.parse('0.01')).toBe(1);
    expect(AreaSchema.parse('120')).toBe(12000);
    for (const bad of ['89.505', '-3', 'abc', '1e3', '0', ''])
      expect(AreaSchema.safeParse(bad).success, bad).toBe(false);
  });
  it('format back without floating point', () => {
    expect(formatArea(8950)).toBe('89.50');
    expect(formatArea(1)).toBe('0.01');
    expect(formatArea(1234567)).toBe('12345.67');
  });
  it('count the registered area, else measured, else contract (docs/domain.md §2.4, example 7)', () => {
    expect(countingArea({ registeredArea: 8950, measuredArea: 9012, contractArea: 9100 })).toEqual({
      area: 8950,
      source: 'registered',
    });
    expect(countingArea({ registeredArea: null, measuredArea: 9012, contractArea: 9100 })).toEqual({
      area: 9012,
      source: 'measured',
    });
    expect(countingArea({ registeredArea: null, measuredArea: null, contractArea: 9100 })).toEqual({
      area: 9100,
      source: 'contract',
    });
    expect(countingArea({ registeredArea: null, measuredArea: null, contractArea: null })).toBeNull();
  });
});

describe('ID numbers', () => {
  it('check the GB 11643 check character', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002')).toBe(false);
  });
  it('are shown masked', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
