/** Beijing time has no daylight saving: UTC+8 all year. */
const BEIJING_OFFSET_MIN = 8 * 60;
const DAY_MIN = 24 * 60;
const MINUTE_MS = 60_000;

export interface QuietHours {
  /** Minutes after midnight, Beijing time; start === end means no quiet hours. */
  start: number;
  end: number;
}

const minuteOfDay = (at: Date) => (Math.floor(at.getTime() / MINUTE_MS) + BEIJING_OFFSET_MIN) % DAY_MIN;

/** Whether `at` falls within the quiet hours (which may run over midnight: 22:00–08:00). */
export function isQuiet(at: Date, quiet: QuietHours): boolean {
  const m = minuteOfDay(at);
  if (quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? m >= quiet.start && m < quiet.end : m >= quiet.start || m < quiet.end;
}

/** The next time at or after `at` when minute-of-day (Beijing) is `minute`. */
function nextAtMinute(at: Date, minute: number): Date {
  const startOfMinute = Math.floor(at.getTime() / MINUTE_MS) * MINUTE_MS;
  const wait = (minute - minuteOfDay(at) + DAY_MIN) % DAY_MIN;
  return wait === 0 && startOfMinute === at.getTime() ? at : new Date(startOfMinute + (wait || DAY_MIN) * MINUTE_MS);
}

/** When a text or WeChat message may go out: now, or when the quiet hours end. */
export function deliverableAt(at: Date, quiet: QuietHours): Date {
  return isQuiet(at, quiet) ? nextAtMinute(at, quiet.end) : at;
}

/** When the day's digest goes out: the next end of quiet hours (08:00 Beijing for someone without any). */
export function digestAt(at: Date, quiet: QuietHours): Date {
  return nextAtMinute(at, quiet.start === quiet.end ? 8 * 60 : quiet.end);
}
