import { noticePeriodEnd } from '@city/plugin-sdk/voting';
import { describe, expect, it } from 'vitest';
import { votingManifest } from '../manifest.ts';
import { DEMO_MEETINGS, demoSchedule } from './demo.ts';

const HOUR = 60 * 60 * 1000;
const { noticeDays } = votingManifest.settings.parse({});
/** Every quarter of an hour over two Beijing days, and the last and first moments around each midnight. */
const seededAt = (() => {
  const midnight = Date.parse('2026-12-01T00:00:00+08:00');
  const times = Array.from({ length: 2 * 24 * 4 }, (_, i) => midnight + (i * HOUR) / 4);
  return [...times, midnight - 1, midnight + 24 * HOUR - 1, midnight + 24 * HOUR].map((t) => new Date(t));
})();

describe('the demo meetings', () => {
  it('open no earlier than the notice period from their announcement allows, whenever the demo is seeded', () => {
    for (const spec of DEMO_MEETINGS)
      for (const now of seededAt) {
        const { announcedAt, opensAt } = demoSchedule(spec, now);
        expect(
          opensAt >= noticePeriodEnd(announcedAt, noticeDays),
          `${spec.title}, seeded at ${now.toISOString()}`,
        ).toBe(true);
      }
  });

  it('are one meeting open for voting and one whose voting period has ended', () => {
    const now = new Date('2026-12-01T10:00:00+08:00');
    const windows = DEMO_MEETINGS.map((spec) => demoSchedule(spec, now));
    expect(windows.map(({ opensAt, closesAt }) => opensAt <= now && now < closesAt)).toEqual([true, false]);
    expect(windows[1]!.closesAt <= now).toBe(true);
  });
});
