import { describe, expect, it } from 'vitest';
import { fenToYuanText, yuanToFen } from './money.ts';

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

  it('puts a stored price back in the form as typed yuan', () => {
    expect(fenToYuanText(129)).toBe('1.29');
    expect(fenToYuanText(7)).toBe('0.07');
    // No thousands separator: the field reads back what yuanToFen accepts.
    expect(fenToYuanText(1_234_500)).toBe('12345.00');
    expect(yuanToFen(fenToYuanText(1_234_500))).toBe(1_234_500);
  });
});
