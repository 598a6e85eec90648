import type { CalendarNoticeInput, CalendarSource } from '@city/contracts';
import { schema, type Database, type Tx } from '@city/db';
import { desc, eq } from 'drizzle-orm';
import { fieldError } from '../errors.ts';
import { datesBetween, weekday, type IsoDate } from './dates.ts';
import { statutoryHolidays } from './statutory.ts';
import { WorkingCalendar } from './working-calendar.ts';

const isWeekend = (date: IsoDate) => weekday(date) === 0 || weekday(date) === 6;

/**
 * The working-day calendar as the platform keeps it: the package's published years, corrected or extended by the
 * notices operators load (each load a new version, the latest in force, the history kept).
 */
export class WorkingCalendars {
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  /**
   * The calendar in force now: one query for the latest notice of every year operators loaded. Inside a transaction,
   * pass it: the embedded database has one connection, which the transaction holds.
   */
  async current(tx: Database | Tx = this.db): Promise<WorkingCalendar> {
    const n = schema.workingCalendarNotices;
    const rows = await tx
      .selectDistinctOn([n.year], { year: n.year, holidays: n.holidays, workdays: n.workdays })
      .from(n)
      .orderBy(n.year, desc(n.changedAt), desc(n.id));
    return new WorkingCalendar(rows);
  }

  /** A year as the portal shows it: where its days come from, the days off and on, and the operators' versions. */
  async year(year: number) {
    const n = schema.workingCalendarNotices;
    const history = await this.db
      .select({
        holidays: n.holidays,
        workdays: n.workdays,
        note: n.note,
        changedBy: schema.users.displayName,
        changedAt: n.changedAt,
      })
      .from(n)
      .leftJoin(schema.users, eq(schema.users.id, n.changedBy))
      .where(eq(n.year, year))
      .orderBy(desc(n.changedAt), desc(n.id));
    const statutory = [...statutoryHolidays(year)].sort();
    const latest = history[0];
    const calendar = new WorkingCalendar(latest ? [{ year, ...latest }] : []);
    const source: CalendarSource = latest ? 'operator' : calendar.isPublished(year) ? 'package' : 'statutory';
    const days = [...datesBetween(`${year}-01-01`, `${year}-12-31`)];
    const holidays = days.filter((d) => !isWeekend(d) && !calendar.isWorkingDay(d));
    const workdays = days.filter((d) => isWeekend(d) && calendar.isWorkingDay(d));
    return { year, source, holidays, workdays, statutory, history };
  }

  /**
   * Loads (or corrects) a year's notice as a new version. The days must lie in that year; a make-up working day is a
   * weekend day; no statutory holiday is made a working day; no day is both.
   */
  async save(actor: { id: string }, year: number, input: CalendarNoticeInput) {
    const statutory = statutoryHolidays(year);
    const holidays = new Set(input.holidays);
    input.holidays.forEach((day, i) => {
      if (!day.startsWith(`${year}-`)) throw fieldError(`holidays.${i}`, 'calendar_other_year');
    });
    input.workdays.forEach((day, i) => {
      if (!day.startsWith(`${year}-`)) throw fieldError(`workdays.${i}`, 'calendar_other_year');
      if (!isWeekend(day)) throw fieldError(`workdays.${i}`, 'calendar_workday_weekday');
      if (statutory.has(day)) throw fieldError(`workdays.${i}`, 'calendar_statutory_workday');
      if (holidays.has(day)) throw fieldError(`workdays.${i}`, 'calendar_day_twice');
    });
    await this.db.insert(schema.workingCalendarNotices).values({
      year,
      holidays: [...holidays].sort(),
      workdays: [...new Set(input.workdays)].sort(),
      note: input.note,
      changedBy: actor.id,
    });
    return this.year(year);
  }
}
