import { pgRole, timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** The role the application runs as. It owns nothing and has no BYPASSRLS (created in migration 0000). */
export const APP_ROLE = 'city_app';
export const appRole = pgRole(APP_ROLE).existing();

export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
