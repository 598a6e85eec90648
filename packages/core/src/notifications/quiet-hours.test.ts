import { describe, expect, it } from 'vitest';
import { deliverableAt, digestAt, isQuiet } from './quiet-hours.ts';

const beijing = (isoLocal: string) => new Date(`${isoLocal}+08:00`);
const DEFAULT = { start: 22 * 60, end: 8 * 60 };

describe('quiet hours (Beijing time)', () => {
  it('hold texts from 22:00 until 08:00 the next morning', () => {
    expect(isQuiet(beijing('2026-12-03T21:59:59'), DEFAULT)).toBe(false);
    expect(isQuiet(beijing('2026-12-03T22:00:00'), DEFAULT)).toBe(true);
    expect(isQuiet(beijing('2026-12-04T07:59:00'), DEFAULT)).toBe(true);
    expect(isQuiet(beijing('2026-12-04T08:00:00'), DEFAULT)).toBe(false);
    expect(deliverableAt(beijing('2026-12-03T23:30:12'), DEFAULT)).toEqual(beijing('2026-12-04T08:00:00'));
    expect(deliverableAt(beijing('2026-12-04T03:00:00'), DEFAULT)).toEqual(beijing('2026-12-04T08:00:00'));
    const afternoon = beijing('2026-12-04T15:10:00');
    expect(deliverableAt(afternoon, DEFAULT)).toBe(afternoon);
  });

  it('may sit within one day, or be none at all', () => {
    const nap = { start: 12 * 60, end: 14 * 60 };
    expect(deliverableAt(beijing('2026-12-04T13:00:00'), nap)).toEqual(beijing('2026-12-04T14:00:00'));
    expect(isQuiet(beijing('2026-12-04T23:00:00'), nap)).toBe(false);
    const none = { start: 0, end: 0 };
    expect(isQuiet(beijing('2026-12-04T03:00:00'), none)).toBe(false);
  });

  it('send the daily digest when quiet hours end, the next day when they just ended', () => {
    expect(digestAt(beijing('2026-12-04T15:00:00'), DEFAULT)).toEqual(beijing('2026-12-05T08:00:00'));
    expect(digestAt(beijing('2026-12-04T07:00:00'), DEFAULT)).toEqual(beijing('2026-12-04T08:00:00'));
    expect(digestAt(beijing('2026-12-04T08:00:30'), DEFAULT)).toEqual(beijing('2026-12-05T08:00:00'));
    expect(digestAt(beijing('2026-12-04T09:00:00'), { start: 0, end: 0 })).toEqual(beijing('2026-12-05T08:00:00'));
  });
});
