const DAY = 24 * 60 * 60 * 1000;
/** Beijing time (Asia/Shanghai) is UTC+8 all year: China has no daylight saving time. */
const BEIJING = 8 * 60 * 60 * 1000;

/** The Beijing calendar day an instant falls on, as whole days since 1970-01-01 (Beijing). */
const beijingDay = (at: Date) => Math.floor((at.getTime() + BEIJING) / DAY);

/**
 * When a notice period of `days` calendar days from an announcement ends, counted as the Civil Code counts periods
 * (arts. 200–204, docs/domain.md §1 "Notice period"): in Beijing calendar days, the announcement's own day not counted,
 * ending at 24:00 of the last day. That instant — 00:00 Beijing time of the following day — is the earliest moment
 * voting may open. Announced on 2026-12-01 (at any time of that Beijing day) with 15 days: the period ends at
 * 2026-12-16 24:00, so voting may open from 2026-12-17T00:00+08:00.
 */
export function noticePeriodEnd(announcedAt: Date, days: number): Date {
  if (Number.isNaN(announcedAt.getTime())) throw new RangeError('announcedAt is not a valid date');
  if (!Number.isSafeInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const lastDay = beijingDay(announcedAt) + days;
  // Not applied yet: a last day on a statutory holiday ends the day after it (art. 203) — needs issue 18's calendar.
  return new Date((lastDay + 1) * DAY - BEIJING);
}
