import { customType, pgRole, timestamp, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** The role the application runs as. It owns nothing and has no BYPASSRLS (created in migration 0000). */
export const APP_ROLE = 'city_app';
export const appRole = pgRole(APP_ROLE).existing();

/**
 * The role erasure (PIPL art. 47) switches to for the few rewrites the app role may not make: personal fields of the
 * audit trail and of applications to open a neighbourhood (migration 0017). Created by that migration.
 */
export const ERASER_ROLE = 'city_eraser';
export const eraserRole = pgRole(ERASER_ROLE).existing();

export const id = () =>
  uuid('id')
    .primaryKey()
    .$defaultFn(() => uuidv7());

export const createdAt = (name = 'created_at') => timestamp(name, { withTimezone: true }).notNull().defaultNow();

export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
