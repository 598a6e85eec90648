import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { users } from './platform.ts';

/**
 * The State Council's holiday notices as operators loaded or corrected them, one row per version: the latest of a
 * year is in force, and the earlier ones stay as the record of who changed what and why. Platform data like regions:
 * every neighbourhood's deadlines are counted on it.
 */
export const workingCalendarNotices = pgTable(
  'working_calendar_notices',
  {
    id: id(),
    year: smallint('year').notNull(),
    /** Days off that would otherwise be working days (the statutory holidays are off whatever this says). */
    holidays: date('holidays', { mode: 'string' }).array().notNull(),
    /** Weekend days made working days (调休上班). */
    workdays: date('workdays', { mode: 'string' }).array().notNull(),
    /** Where it comes from (the notice's number) or why it was corrected. */
    note: text('note').notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: createdAt('changed_at'),
  },
  (t) => [
    index('working_calendar_notices_year').on(t.year, t.changedAt),
    check('working_calendar_notices_year_range', sql`${t.year} between 2000 and 2100`),
  ],
);
