import { describe, expect, it } from 'vitest';
import { parseDays, toRanges } from './date-ranges.ts';

describe('day lists of a holiday notice', () => {
  it('read single days and ranges however they are separated', () => {
    expect(parseDays('2027-02-05~2027-02-08\n2027-04-05，2027-05-01至2027-05-02、2027-02-05')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
    ]);
    expect(parseDays('  ')).toEqual([]);
  });

  it('keep what is not a day as written, for the API to refuse', () => {
    expect(parseDays('2027-2-5 2027-02-08~2027-02-01')).toEqual(['2027-2-5', '2027-02-08~2027-02-01']);
  });

  it('fold consecutive days into ranges, across a month’s end', () => {
    expect(toRanges(['2027-03-01', '2027-02-27', '2027-02-28', '2027-04-05'])).toEqual([
      '2027-02-27~2027-03-01',
      '2027-04-05',
    ]);
    expect(toRanges([])).toEqual([]);
  });
});
