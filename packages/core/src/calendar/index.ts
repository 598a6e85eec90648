import { type Due, WorkingCalendar } from './working-calendar.ts';
import type { IsoDate } from './dates.ts';

export { addDays, beijingDate, isIsoDate, type IsoDate } from './dates.ts';
export { WorkingCalendars } from './notices.ts';
export { statutoryHolidays } from './statutory.ts';
export { MAX_WORKING_DAYS, WorkingCalendar, type Due, type YearNotice } from './working-calendar.ts';

/** The package's calendar without operators' notices: what a caller without the database counts with. */
const published = new WorkingCalendar();

/**
 * The due date `n` working days after `start` (a `YYYY-MM-DD` date in Beijing time, not itself counted), on the
 * official holiday calendar; `provisional` when the count crossed a year whose notice is not loaded yet. Pass the
 * calendar with operators' notices (`WorkingCalendars.load`) where the database is at hand.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: WorkingCalendar = published): Due {
  return calendar.addWorkingDays(start, n);
}
