import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { users } from './platform.ts';

/**
 * Businesses registered once on the platform that serve many neighbourhoods (service vendors). Platform data: they
 * belong to no tenant. Plugins keep what such a business does in a neighbourhood in rows that carry both ids, reached
 * through the organisation's own policy (`organisation_id = app_organisation()`), never by bypassing tenancy.
 */
export const organisations = pgTable(
  'organisations',
  {
    id: id(),
    name: text('name').notNull(),
    /** 统一社会信用代码, checked against GB 32100 before it is stored; one registration per code. */
    uscc: text('uscc').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organisations_uscc').on(t.uscc)],
);

/** The people who act for an organisation, each with one role. */
export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'manager', 'staff'] }).notNull(),
    addedAt: createdAt('added_at'),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('organisation_members_user').on(t.userId),
    check('organisation_members_role', sql`${t.role} in ('owner', 'manager', 'staff')`),
  ],
);

/**
 * People who left a business's staff, kept so that deleting their account later still finds the business's records
 * that name them (PIPL art. 47): erasure removes the row with the rest of the account.
 */
export const organisationFormerStaff = pgTable(
  'organisation_former_staff',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    leftAt: timestamp('left_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.userId] }), index('organisation_former_staff_user').on(t.userId)],
);
