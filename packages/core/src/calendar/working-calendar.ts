import chineseDays from 'chinese-days';
import { isIsoDate, nextDay, weekday, yearOf, type IsoDate } from './dates.ts';
import { statutoryHolidays } from './statutory.ts';

// The package's Node entry is CommonJS: its functions come through the default export.
const { getHolidaysInRange, isWorkday } = chineseDays;

/**
 * A year's State Council holiday notice (国务院办公厅关于某年部分节假日安排的通知) as data: the days off that would
 * otherwise be working days, and the weekend days made working days (调休上班). Loaded or corrected by operators.
 */
export interface YearNotice {
  year: number;
  holidays: readonly IsoDate[];
  workdays: readonly IsoDate[];
}

export interface Due {
  due: IsoDate;
  /** The count crossed a year whose notice is not known yet: only weekends and statutory holidays were skipped. */
  provisional: boolean;
}

/** The most working days a deadline may count (a year and a half); beyond that a caller has a bug. */
export const MAX_WORKING_DAYS = 400;

type YearRule =
  | { kind: 'notice'; holidays: Set<IsoDate>; workdays: Set<IsoDate> }
  | { kind: 'package' }
  | { kind: 'statutory'; holidays: Set<IsoDate> };

/**
 * Which days are working days. A year's notice loaded by operators wins; otherwise the maintained `chinese-days`
 * package's data for the years it has; otherwise weekends and the statutory holidays, and every answer that relied on
 * such a year is provisional.
 */
export class WorkingCalendar {
  readonly #notices: Map<number, YearNotice>;
  readonly #years = new Map<number, YearRule>();

  constructor(notices: readonly YearNotice[] = []) {
    this.#notices = new Map(notices.map((n) => [n.year, n]));
  }

  /** Whether a year's working days are known from a notice (operators' or the package's). */
  isPublished(year: number): boolean {
    return this.rule(year).kind !== 'statutory';
  }

  isWorkingDay(date: IsoDate): boolean {
    const rule = this.rule(yearOf(date));
    if (rule.kind === 'package') return isWorkday(date);
    if (rule.kind === 'notice' && rule.workdays.has(date)) return true;
    const day = weekday(date);
    return day !== 0 && day !== 6 && !rule.holidays.has(date);
  }

  /** `start` plus `n` working days, `start` itself not counted (n = 0: `start`). */
  addWorkingDays(start: IsoDate, n: number): Due {
    if (!isIsoDate(start)) throw new RangeError(`not a YYYY-MM-DD date: ${start}`);
    if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
      throw new RangeError(`working days must be a whole number from 0 to ${MAX_WORKING_DAYS}: ${n}`);
    }
    let day = start;
    let provisional = false;
    for (let counted = 0; counted < n;) {
      day = nextDay(day);
      if (!this.isPublished(yearOf(day))) provisional = true;
      if (this.isWorkingDay(day)) counted++;
    }
    return { due: day, provisional };
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    let count = 0;
    for (let day = nextDay(from); day <= to; day = nextDay(day)) if (this.isWorkingDay(day)) count++;
    return count;
  }

  private rule(year: number): YearRule {
    let rule = this.#years.get(year);
    if (!rule) {
      const notice = this.#notices.get(year);
      rule = notice
        ? {
            kind: 'notice',
            holidays: new Set([...notice.holidays, ...statutoryHolidays(year)]),
            workdays: new Set(notice.workdays),
          }
        : getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
          ? { kind: 'package' }
          : { kind: 'statutory', holidays: statutoryHolidays(year) };
      this.#years.set(year, rule);
    }
    return rule;
  }
}
