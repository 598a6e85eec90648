import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, createdAt, id } from './columns.ts';
import { users } from './platform.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

/** Which plugin versions the platform offers. Versions not listed here are available; operators may withdraw one. */
export const pluginVersions = pgTable(
  'plugin_versions',
  {
    pluginId: text('plugin_id').notNull(),
    version: text('version').notNull(),
    status: text('status', { enum: ['available', 'withdrawn'] }).notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pluginId, t.version] })],
);

/** A plugin in one neighbourhood: its version, the scopes the admin granted, its settings, and its state. */
export const pluginInstalls = pgTable(
  'plugin_installs',
  {
    id: id(),
    tenantId: tenantId(),
    pluginId: text('plugin_id').notNull(),
    version: text('version').notNull(),
    status: text('status', { enum: ['enabled', 'disabled', 'uninstalled'] }).notNull(),
    grantedScopes: text('granted_scopes').array().notNull(),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    installedBy: uuid('installed_by')
      .notNull()
      .references(() => users.id),
    installedAt: createdAt('installed_at'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plugin_installs_tenant_plugin').on(t.tenantId, t.pluginId),
    index('plugin_installs_plugin').on(t.pluginId, t.status),
    ...tenantPolicies('plugin_installs'),
    // An organisation (a vendor serving many neighbourhoods) finds where a plugin is offered: which neighbourhoods
    // have it enabled. Only core code reads this; plugin roles have no grant on the table.
    pgPolicy('plugin_installs_organisations', {
      for: 'select',
      to: appRole,
      using: sql`app_organisation() is not null`,
    }),
  ],
).enableRLS();

/**
 * The transactional outbox: an event is written in the transaction of the change it reports, so a rolled-back
 * change has no event; after commit it is fanned out to one delivery per installed plugin handler, each retried
 * until it succeeds (at least once).
 */
export const pluginEvents = pgTable(
  'plugin_events',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    /** Set once the event has been fanned out to the handlers of the plugins installed then. */
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
  },
  (t) => [
    index('plugin_events_undispatched')
      .on(t.tenantId)
      .where(sql`dispatched_at is null`),
    ...tenantPolicies('plugin_events'),
  ],
).enableRLS();

export const pluginDeliveries = pgTable(
  'plugin_deliveries',
  {
    id: id(),
    tenantId: tenantId(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => pluginEvents.id),
    pluginId: text('plugin_id').notNull(),
    /** `paused` while the plugin is disabled (resumed when it is enabled again). */
    status: text('status', { enum: ['pending', 'paused', 'done', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('plugin_deliveries_event_plugin').on(t.eventId, t.pluginId),
    index('plugin_deliveries_due')
      .on(t.tenantId, t.nextAttemptAt)
      .where(sql`status = 'pending'`),
    index('plugin_deliveries_tenant_plugin').on(t.tenantId, t.pluginId, t.status),
    ...tenantPolicies('plugin_deliveries'),
  ],
).enableRLS();

/** Roles that plugins add, given to members by the neighbourhood's admin (one row per member, plugin and role). */
export const pluginRoleGrants = pgTable(
  'plugin_role_grants',
  {
    id: id(),
    tenantId: tenantId(),
    pluginId: text('plugin_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    grantedBy: uuid('granted_by')
      .notNull()
      .references(() => users.id),
    grantedAt: createdAt('granted_at'),
  },
  (t) => [
    uniqueIndex('plugin_role_grants_member').on(t.tenantId, t.pluginId, t.userId, t.role),
    ...tenantPolicies('plugin_role_grants'),
  ],
).enableRLS();

/**
 * A mark a plugin shows next to a member's name in this neighbourhood, wherever plugins show names (亮身份), set at the
 * member's own wish through the plugin (scope `profile:badges`). The core keeps the label without knowing what it
 * means; a badge of a plugin that is not enabled is not shown, and purging the plugin's data deletes its badges.
 */
export const profileBadges = pgTable(
  'profile_badges',
  {
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    pluginId: text('plugin_id').notNull(),
    labelZh: text('label_zh').notNull(),
    labelEn: text('label_en').notNull(),
    setAt: createdAt('set_at'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId, t.pluginId] }), ...tenantPolicies('profile_badges')],
).enableRLS();
