import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, yuanToFen } from './money.ts';

describe('yuan and fen', () => {
  it('reads what people type, without floating point', () => {
    expect(yuanToFen('120')).toBe(12000);
    expect(yuanToFen(' ¥120.5 ')).toBe(12050);
    expect(yuanToFen('0.07')).toBe(7);
    // 0.29 × 100 is 28.999… in floating point; the string route keeps it exact.
    expect(yuanToFen('1.29')).toBe(129);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'abc', '1.234', '-5', '1,000', '1e3']) expect(yuanToFen(text), text).toBeNull();
  });

  it('shows fen as yuan', () => {
    expect(formatFen(12050)).toBe('¥120.50');
    expect(formatFen(7)).toBe('¥0.07');
    expect(fenToYuanText(129)).toBe('1.29');
  });
});
