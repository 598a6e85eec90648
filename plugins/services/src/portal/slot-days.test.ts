import { describe, expect, it } from 'vitest';
import { slotsByDay } from './slot-days.ts';

const slot = (startsAt: string, endsAt: string) => ({ startsAt, endsAt });

describe('slots grouped by day', () => {
  // Tuesday 8 December 2026, 09:00 and 14:00 in Beijing; then 00:30 on Wednesday in Beijing (still Tuesday in UTC).
  const slots = [
    slot('2026-12-08T06:00:00Z', '2026-12-08T08:00:00Z'),
    slot('2026-12-08T16:30:00Z', '2026-12-08T17:00:00Z'),
    slot('2026-12-08T01:00:00Z', '2026-12-08T03:00:00Z'),
  ];

  it('groups by the Beijing day, in time order, with the weekday and the window', () => {
    const days = slotsByDay(slots, 'zh-CN');
    expect(days.map((d) => d.date)).toEqual(['2026-12-08', '2026-12-09']);
    expect(days[0]!.label).toBe('12月8日周二');
    expect(days[0]!.slots.map((s) => s.time)).toEqual(['09:00–11:00', '14:00–16:00']);
    expect(days[1]!.slots.map((s) => s.time)).toEqual(['00:30–01:00']);
  });

  it('says the day in English without the US order', () => {
    expect(slotsByDay(slots, 'en').map((d) => d.label)).toEqual(['Tue 8 Dec', 'Wed 9 Dec']);
  });
});
