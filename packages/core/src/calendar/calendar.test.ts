import { describe, expect, it } from 'vitest';
import { addWorkingDays, statutoryHolidays, WorkingCalendar } from './index.ts';

const published = new WorkingCalendar();

describe('working days on the official calendar', () => {
  it('follow the published 2025 notice: the make-up Sundays and Saturdays work, the Golden Week does not', () => {
    expect(published.isWorkingDay('2025-09-28')).toBe(true);
    expect(published.isWorkingDay('2025-10-11')).toBe(true);
    for (let day = 1; day <= 8; day++) expect(published.isWorkingDay(`2025-10-0${day}`)).toBe(false);
    expect(published.isWorkingDay('2025-10-09')).toBe(true);
  });

  it('follow the published 2026 notice', () => {
    for (const day of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])
      expect(published.isWorkingDay(day), day).toBe(true);
    for (let day = 15; day <= 23; day++) expect(published.isWorkingDay(`2026-02-${day}`)).toBe(false);
    for (let day = 1; day <= 7; day++) expect(published.isWorkingDay(`2026-10-0${day}`)).toBe(false);
  });

  it('count 10 working days from Mon 2026-09-28 to Fri 2026-10-16, the start day not counted', () => {
    expect(addWorkingDays('2026-09-28', 10)).toEqual({ due: '2026-10-16', provisional: false });
    expect(addWorkingDays('2026-09-28', 1)).toEqual({ due: '2026-09-29', provisional: false });
    // From a Friday, the next working day is the Monday; a make-up Saturday counts.
    expect(addWorkingDays('2026-10-09', 1)).toEqual({ due: '2026-10-10', provisional: false });
    expect(addWorkingDays('2026-10-10', 0)).toEqual({ due: '2026-10-10', provisional: false });
  });

  it('skip the statutory holidays of a year without its notice, and say the date is provisional', () => {
    // 2027: 春节 is 2027-02-06, so 除夕 to 初三 is Feb 5–8; 清明 Apr 5; 端午 Jun 9; 中秋 Sep 15.
    expect([...statutoryHolidays(2027)].sort()).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(published.isPublished(2027)).toBe(false);
    // Thu 2027-02-04 + 2: Fri Feb 5 (除夕) and Mon Feb 8 (初三) are holidays → Tue Feb 9, Wed Feb 10.
    expect(addWorkingDays('2027-02-04', 2)).toEqual({ due: '2027-02-10', provisional: true });
    // A count that ends in 2026 is not provisional; one that crosses into 2027 is.
    expect(addWorkingDays('2026-12-17', 10)).toEqual({ due: '2026-12-31', provisional: false });
    expect(addWorkingDays('2026-12-24', 10)).toEqual({ due: '2027-01-08', provisional: true });
  });

  it('take a year’s notice loaded by operators over the package, statutory holidays always off', () => {
    const loaded = new WorkingCalendar([
      { year: 2027, holidays: ['2027-02-09', '2027-02-10', '2027-02-11'], workdays: ['2027-02-20'] },
    ]);
    expect(loaded.isPublished(2027)).toBe(true);
    expect(loaded.isWorkingDay('2027-02-05')).toBe(false);
    expect(loaded.isWorkingDay('2027-02-10')).toBe(false);
    expect(loaded.isWorkingDay('2027-02-20')).toBe(true);
    // Thu Feb 4 + 2: Feb 5–11 are off, so Fri Feb 12 and Mon Feb 15.
    expect(addWorkingDays('2027-02-04', 2, loaded)).toEqual({ due: '2027-02-15', provisional: false });
    // A corrected year replaces the package's data for that year.
    const corrected = new WorkingCalendar([{ year: 2026, holidays: ['2026-10-08'], workdays: [] }]);
    expect(corrected.isWorkingDay('2026-10-10')).toBe(false);
    expect(corrected.isWorkingDay('2026-10-08')).toBe(false);
    expect(corrected.isWorkingDay('2026-10-09')).toBe(true);
  });

  it('count working days between two dates for the time left on a deadline', () => {
    expect(published.workingDaysBetween('2026-09-28', '2026-10-16')).toBe(10);
    expect(published.workingDaysBetween('2026-10-16', '2026-10-16')).toBe(0);
    expect(published.workingDaysBetween('2026-10-16', '2026-10-01')).toBe(0);
  });

  it('refuse what is not a date or a sensible count', () => {
    expect(() => addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-9-28', 1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-09-28', -1)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-09-28', 1.5)).toThrow(RangeError);
  });
});
