import { describe, expect, it } from 'vitest';
import { beijingDate, weekdayOf, weeklyTimes } from './weekly-slots.ts';

describe('weekly slot templates', () => {
  it('turns 周一至周五 9:00–11:00 for 4 weeks into 20 slots in Beijing time', () => {
    // 2026-12-07 is a Monday.
    const times = weeklyTimes({
      weekdays: [1, 2, 3, 4, 5],
      startTime: '09:00',
      endTime: '11:00',
      weeks: 4,
      from: '2026-12-07',
    });
    expect(times).toHaveLength(20);
    expect(times[0]).toEqual({
      startsAt: new Date('2026-12-07T01:00:00Z'),
      endsAt: new Date('2026-12-07T03:00:00Z'),
    });
    expect(times.at(-1)!.startsAt).toEqual(new Date('2027-01-01T01:00:00Z'));
    expect(new Set(times.map((t) => weekdayOf(beijingDate(t.startsAt))))).toEqual(new Set([1, 2, 3, 4, 5]));
  });

  it('starts on any day of the week and keeps only the days chosen', () => {
    // From a Saturday, one week: that Saturday and the Sunday after.
    const times = weeklyTimes({ weekdays: [6, 7], startTime: '14:00', endTime: '16:30', weeks: 1, from: '2026-12-05' });
    expect(times.map((t) => beijingDate(t.startsAt))).toEqual(['2026-12-05', '2026-12-06']);
    expect(times[1]!.endsAt).toEqual(new Date('2026-12-06T08:30:00Z'));
  });

  it('reads the Beijing date of an instant, not the UTC one', () => {
    expect(beijingDate(new Date('2026-12-06T17:30:00Z'))).toBe('2026-12-07');
    expect(weekdayOf('2026-12-07')).toBe(1);
    expect(weekdayOf('2026-12-06')).toBe(7);
  });
});
