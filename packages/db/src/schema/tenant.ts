import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  index,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, createdAt, id } from './columns.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';
import { users } from './platform.ts';

const rolesCheck = (column: AnyPgColumn) =>
  sql`${column} <@ array['admin','staff','committee','resident']::text[] and cardinality(${column}) > 0`;

/** A person's membership in one neighbourhood, with the roles they hold there. */
export const members = pgTable(
  'members',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull(),
    joinedAt: createdAt(),
  },
  (t) => [
    uniqueIndex('members_tenant_user').on(t.tenantId, t.userId),
    index('members_user').on(t.userId),
    check('members_roles_known', rolesCheck(t.roles)),
    ...tenantPolicies('members'),
    // A person lists their own memberships across neighbourhoods (withUser scope) — only their own rows.
    pgPolicy('members_self', { for: 'select', to: appRole, using: sql`user_id = app_user()` }),
  ],
).enableRLS();

/** An invitation to a phone number; accepted by the person who confirms that number. */
export const invitations = pgTable(
  'invitations',
  {
    id: id(),
    tenantId: tenantId(),
    phone: text('phone').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles').array().notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('invitations_tenant_created').on(t.tenantId, t.createdAt),
    index('invitations_phone').on(t.phone),
    uniqueIndex('invitations_open_phone')
      .on(t.tenantId, t.phone)
      .where(sql`accepted_at is null and revoked_at is null`),
    check('invitations_roles_known', rolesCheck(t.roles)),
    ...tenantPolicies('invitations'),
    // The holder of a confirmed number sees the invitations addressed to it (withUser scope).
    pgPolicy('invitations_invitee', { for: 'select', to: appRole, using: sql`phone = app_user_phone()` }),
  ],
).enableRLS();
