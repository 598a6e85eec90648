import { describe, expect, it } from 'vitest';
import { periodLabel, yuan } from './statement-files.ts';

describe('printed amounts and periods', () => {
  it('writes fen as 元 with separators and two decimals', () => {
    expect(yuan(0)).toBe('0.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuan(1_250_000)).toBe('12,500.00');
    expect(yuan(-123_456_789)).toBe('-1,234,567.89');
  });

  it('names a month, a year so far and a span across years', () => {
    expect(periodLabel('2026-11', '2026-11')).toBe('2026年11月');
    expect(periodLabel('2026-01', '2026-12')).toBe('2026年1月至12月');
    expect(periodLabel('2025-07', '2026-06')).toBe('2025年7月至2026年6月');
  });
});
