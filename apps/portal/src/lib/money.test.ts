import { MAX_FEN as API_MAX_FEN } from '@city/contracts';
import { describe, expect, it } from 'vitest';
import { fenToYuanInput, formatFen, MAX_FEN, parseYuan } from './money.ts';

describe('money shown in 元', () => {
  it('takes what the API takes', () => {
    expect(MAX_FEN).toBe(API_MAX_FEN);
  });

  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [123_456, '1,234.56'],
    [1_250_000, '12,500.00'],
    [100_000_000, '1,000,000.00'],
    [MAX_FEN, '1,000,000,000.00'],
    [-5, '-0.05'],
    [-1_250_050, '-12,500.50'],
  ])('%i fen reads %s', (fen, shown) => {
    expect(formatFen(fen)).toBe(shown);
  });

  it('is typed back without separators', () => {
    expect(fenToYuanInput(800_050)).toBe('8000.50');
    expect(fenToYuanInput(500_000)).toBe('5000.00');
  });
});

describe('元 typed in a form', () => {
  it.each([
    ['8000', 800_000],
    ['8000.5', 800_050],
    ['8000.50', 800_050],
    ['8,000.50', 800_050],
    ['1,234,567.89', 123_456_789],
    [' 0.01 ', 1],
    ['0.1', 10],
    ['¥8000', 800_000],
    ['￥ 8000元', 800_000],
    ['８０００．５０', 800_050],
    ['007', 700],
    ['1000000000', MAX_FEN],
  ])('%s is %i fen, exactly', (typed, fen) => {
    expect(parseYuan(typed)).toEqual({ fen });
  });

  it('converts every cent exactly (no floating point)', () => {
    for (let cents = 0; cents < 100; cents++) {
      const typed = `${1234}.${String(cents).padStart(2, '0')}`;
      expect(parseYuan(typed)).toEqual({ fen: 123_400 + cents });
    }
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseYuan('0.29')).toEqual({ fen: 29 });
    expect(parseYuan('1.15')).toEqual({ fen: 115 });
  });

  it.each([
    ['', 'required'],
    ['   ', 'required'],
    ['abc', 'format'],
    ['-8000', 'format'],
    ['8000.505', 'format'],
    ['8000.', 'format'],
    ['.5', 'format'],
    ['8,00', 'format'],
    ['1e5', 'format'],
    ['8000 50', 'format'],
    ['0', 'zero'],
    ['0.00', 'zero'],
    ['1000000000.01', 'too_large'],
    ['99999999999999999999', 'too_large'],
  ])('%j is refused: %s', (typed, problem) => {
    expect(parseYuan(typed)).toEqual({ problem });
  });
});
