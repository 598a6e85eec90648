import { sql } from 'drizzle-orm';
import { index, pgPolicy, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { appRole, id } from './columns.ts';
import { users } from './platform.ts';

/**
 * Reads of a person's unmasked personal data made outside any neighbourhood (an applicant's phone number, read by the
 * staff deciding the application), where no neighbourhood's audit trail can record them (docs/domain.md §5.3).
 * Append-only for the application (migration 0017); the person sees who read what in their own data export.
 */
export const personalDataReads = pgTable(
  'personal_data_reads',
  {
    id: id(),
    readerUserId: uuid('reader_user_id')
      .notNull()
      .references(() => users.id),
    subjectUserId: uuid('subject_user_id')
      .notNull()
      .references(() => users.id),
    targetType: text('target_type', { enum: ['application'] }).notNull(),
    targetId: uuid('target_id').notNull(),
    field: text('field', { enum: ['phone'] }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('personal_data_reads_subject').on(t.subjectUserId, t.readAt),
    pgPolicy('personal_data_reads_record', {
      for: 'insert',
      to: appRole,
      withCheck: sql`reader_user_id = (select app_user())`,
    }),
    pgPolicy('personal_data_reads_subject', {
      for: 'select',
      to: appRole,
      using: sql`subject_user_id = (select app_user())`,
    }),
  ],
).enableRLS();
