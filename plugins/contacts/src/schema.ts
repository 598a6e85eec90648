import { tenantColumn } from '@city/plugin-sdk/schema';
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CATEGORIES } from './categories.ts';

/** One number of the directory (migrations/0000_entries.sql creates it with its role and forced RLS). */
export const entries = pgTable('contacts_entries', {
  id: uuid('id').primaryKey().defaultRandom(),
  tenantId: tenantColumn(),
  category: text('category', { enum: CATEGORIES }).notNull(),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  hours: text('hours').notNull().default(''),
  note: text('note').notNull().default(''),
  /** Order within the category, smallest first. */
  position: integer('position').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
