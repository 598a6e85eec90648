import { describe, expect, it } from 'vitest';
import { noticePeriodEnd } from './notice-period.ts';

const at = (iso: string) => new Date(iso);
const end = (announcedAt: string, days = 15) => noticePeriodEnd(at(announcedAt), days).toISOString();

describe('the notice period (Civil Code arts. 200–204)', () => {
  it('does not count the day of the announcement and ends at 24:00 of its last day, Beijing time', () => {
    // docs/domain.md §1: announced on 2026-12-01 with 15 days, the period ends 2026-12-16 24:00; voting from the 17th.
    expect(end('2026-12-01T10:00:00+08:00')).toBe(at('2026-12-17T00:00:00+08:00').toISOString());
  });

  it('gives the same end for any time of the announcement’s Beijing day', () => {
    const expected = at('2026-12-17T00:00:00+08:00').toISOString();
    expect(end('2026-12-01T00:00:00+08:00')).toBe(expected);
    expect(end('2026-12-01T23:59:00+08:00')).toBe(expected);
    expect(end('2026-12-01T23:59:59.999+08:00')).toBe(expected);
  });

  it('counts a minute after midnight Beijing time as the next day', () => {
    expect(end('2026-11-30T23:59:59.999+08:00')).toBe(at('2026-12-16T00:00:00+08:00').toISOString());
    expect(end('2026-12-02T00:00:00+08:00')).toBe(at('2026-12-18T00:00:00+08:00').toISOString());
  });

  it('reads the day in Beijing, not in UTC: 16:30 UTC is already the next Beijing day', () => {
    // 2026-12-01T16:30Z is 2026-12-02 00:30 in Beijing.
    expect(end('2026-12-01T16:30:00Z')).toBe(at('2026-12-18T00:00:00+08:00').toISOString());
    // 2026-12-01T15:59Z is still 2026-12-01 23:59 in Beijing.
    expect(end('2026-12-01T15:59:00Z')).toBe(at('2026-12-17T00:00:00+08:00').toISOString());
  });

  it('runs across the ends of months and years, leap days included', () => {
    expect(end('2026-01-20T09:00:00+08:00')).toBe(at('2026-02-05T00:00:00+08:00').toISOString());
    expect(end('2026-12-20T09:00:00+08:00')).toBe(at('2027-01-05T00:00:00+08:00').toISOString());
    expect(end('2026-12-31T23:30:00+08:00')).toBe(at('2027-01-16T00:00:00+08:00').toISOString());
    // 2028 is a leap year: 2028-02-29 is one of the fifteen days.
    expect(end('2028-02-20T09:00:00+08:00')).toBe(at('2028-03-07T00:00:00+08:00').toISOString());
    expect(end('2027-02-20T09:00:00+08:00')).toBe(at('2027-03-08T00:00:00+08:00').toISOString());
  });

  it('takes the length of the period from the setting', () => {
    expect(end('2026-12-01T10:00:00+08:00', 30)).toBe(at('2027-01-01T00:00:00+08:00').toISOString());
    expect(end('2026-12-01T10:00:00+08:00', 0)).toBe(at('2026-12-02T00:00:00+08:00').toISOString());
  });

  it('refuses a period that is not a whole number of days, and an invalid date', () => {
    expect(() => noticePeriodEnd(at('2026-12-01T10:00:00+08:00'), 1.5)).toThrow(RangeError);
    expect(() => noticePeriodEnd(at('2026-12-01T10:00:00+08:00'), -1)).toThrow(RangeError);
    expect(() => noticePeriodEnd(new Date(Number.NaN), 15)).toThrow(RangeError);
  });
});
