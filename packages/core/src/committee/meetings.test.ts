import { describe, expect, it } from 'vitest';
import { carries } from './meetings.ts';

describe('a committee decision (DOMAIN.md §3)', () => {
  it('carries with at least half of all members by default, half included (半数以上, art. 1259)', () => {
    expect(carries('half_or_more', 3, 7)).toBe(false);
    expect(carries('half_or_more', 4, 7)).toBe(true);
    expect(carries('half_or_more', 3, 6)).toBe(true);
  });

  it('carries with more than half where the neighbourhood chose 过半数', () => {
    expect(carries('more_than_half', 3, 6)).toBe(false);
    expect(carries('more_than_half', 4, 6)).toBe(true);
    expect(carries('more_than_half', 4, 7)).toBe(true);
  });
});
