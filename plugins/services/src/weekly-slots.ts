/**
 * A weekly template of slots (周一至周五 9:00–11:00, for 4 weeks) turned into the times it stands for. Pure, so the
 * API creates them and tests check them without a database. Slots are in Beijing time (no daylight saving: a day is
 * always 24 hours there).
 */

/** ISO weekdays, Monday first, as a vendor's week reads. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklyTemplate {
  weekdays: readonly number[];
  /** `HH:MM`, Beijing time. */
  startTime: string;
  endTime: string;
  weeks: number;
  /** `YYYY-MM-DD`: the first day the template covers. */
  from: string;
}

const DAY = 86_400_000;

/** `YYYY-MM-DD` of an instant, in Beijing. */
export const beijingDate = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** Every slot the template stands for, in time order: `weeks` × 7 days from `from`, on the days chosen. */
export function weeklyTimes(template: WeeklyTemplate): Array<{ startsAt: Date; endsAt: Date }> {
  const first = Date.parse(`${template.from}T00:00:00Z`);
  const chosen = new Set(template.weekdays);
  return Array.from({ length: template.weeks * 7 }, (_, i) => new Date(first + i * DAY).toISOString().slice(0, 10))
    .filter((date) => chosen.has(weekdayOf(date)))
    .map((date) => ({
      startsAt: new Date(`${date}T${template.startTime}:00+08:00`),
      endsAt: new Date(`${date}T${template.endTime}:00+08:00`),
    }));
}
