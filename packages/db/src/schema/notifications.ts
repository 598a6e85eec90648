import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, createdAt, id } from './columns.ts';
import { users } from './platform.ts';
import { tenantId } from './tenancy.ts';

/** Text in both of the portal's languages: a notification is rendered in the reader's language when it is read. */
export type LocalisedText = { 'zh-CN': string; en: string };

/**
 * Who a notification goes to, as its cause names them; the notifier expands it into people, in batches.
 * `users` are checked to be members of the neighbourhood; `owners` are its verified owners (of homes in `buildings`
 * when given); `organisation` is the staff of a business.
 */
export type NotificationAudience =
  { users: string[] } | { roles: string[] } | { owners: true; buildings?: string[] | null } | { organisation: string };

/** Only the neighbourhood's own transaction reaches its rows: people read their items through the person policy. */
const tenantOnly = (table: string) =>
  pgPolicy(`${table}_tenant`, {
    for: 'all',
    to: appRole,
    using: sql`tenant_id = app_tenant()`,
    withCheck: sql`tenant_id = app_tenant()`,
  });

/**
 * The notifications' outbox: a cause is written in the transaction of what it reports (a verification approved, a
 * vote opened), so it exists exactly when that committed; the notifier expands it afterwards into one item per person,
 * in batches of its own transactions, and records its progress here. One cause per (neighbourhood, key): a retried
 * cause is the same cause.
 */
export const notificationCauses = pgTable(
  'notification_causes',
  {
    id: id(),
    tenantId: tenantId(),
    /** `core` or the id of the plugin that sent it. */
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    audience: jsonb('audience').$type<NotificationAudience>().notNull(),
    title: jsonb('title').$type<LocalisedText>().notNull(),
    body: jsonb('body').$type<LocalisedText>().notNull(),
    /** A portal path (`/n/…`), never an outside address. */
    link: text('link').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    createdAt: createdAt(),
    /** Not expanded before this time (a reminder due later); null = at once. */
    notBefore: timestamp('not_before', { withTimezone: true }),
    status: text('status', { enum: ['pending', 'expanding', 'done'] })
      .notNull()
      .default('pending'),
    /** How many people the audience held when expansion began, and how many have their item. */
    total: integer('total'),
    expanded: integer('expanded').notNull().default(0),
    /** The last recipient (user id) expanded: the next batch starts after it. */
    cursor: uuid('cursor'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_causes_key').on(t.tenantId, t.key),
    index('notification_causes_waiting')
      .on(t.tenantId, t.createdAt)
      .where(sql`status <> 'done'`),
    tenantOnly('notification_causes'),
  ],
).enableRLS();

/** One person's item in their inbox (消息). One per (cause, person), however often the cause is expanded. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    tenantId: tenantId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    causeId: uuid('cause_id')
      .notNull()
      .references(() => notificationCauses.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    kind: text('kind').notNull(),
    title: jsonb('title').$type<LocalisedText>().notNull(),
    body: jsonb('body').$type<LocalisedText>().notNull(),
    link: text('link').notNull(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_cause_user').on(t.causeId, t.userId),
    index('notifications_inbox').on(t.userId, t.id),
    index('notifications_unread')
      .on(t.userId)
      .where(sql`read_at is null`),
    tenantOnly('notifications'),
    pgPolicy('notifications_self', {
      for: 'select',
      to: appRole,
      using: sql`user_id = (select app_user())`,
    }),
    pgPolicy('notifications_self_read', {
      for: 'update',
      to: appRole,
      using: sql`user_id = (select app_user())`,
      withCheck: sql`user_id = (select app_user())`,
    }),
  ],
).enableRLS();

/**
 * An item's way out of the app: a text or a WeChat subscription message. One per (item, channel); retried with
 * back-off; `waiting` until the person's quiet hours end; `digest` when the person takes one text a day instead.
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: id(),
    tenantId: tenantId(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: ['sms', 'wechat'] }).notNull(),
    status: text('status', { enum: ['pending', 'sent', 'failed', 'digest'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notification_deliveries_item_channel').on(t.notificationId, t.channel),
    index('notification_deliveries_due')
      .on(t.tenantId, t.nextAttemptAt)
      .where(sql`status in ('pending', 'digest')`),
    index('notification_deliveries_failed')
      .on(t.tenantId, t.createdAt)
      .where(sql`status = 'failed'`),
    tenantOnly('notification_deliveries'),
  ],
).enableRLS();

/** Which kinds a neighbourhood turns off (the rest follow their defaults), and how long items are kept. */
export const notificationSettings = pgTable(
  'notification_settings',
  {
    tenantId: tenantId().primaryKey(),
    /** Kinds turned on or off against their default, by kind. */
    kinds: jsonb('kinds').$type<Record<string, boolean>>().notNull().default({}),
    retentionDays: smallint('retention_days').notNull().default(180),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [tenantOnly('notification_settings')],
).enableRLS();

/**
 * A person's choices, across neighbourhoods: the channels each kind reaches besides the inbox, quiet hours (minutes
 * after midnight, Beijing time; SMS and WeChat wait until they end), one text a day instead of single texts, and the
 * WeChat account (openid) their subscription messages go to. Platform data like `users`: the notifier reads the
 * choices of everyone it notifies.
 */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  channels: jsonb('channels').$type<Record<string, ('sms' | 'wechat')[]>>().notNull().default({}),
  quietStart: smallint('quiet_start').notNull().default(1320),
  quietEnd: smallint('quiet_end').notNull().default(480),
  digest: boolean('digest').notNull().default(false),
  wechatOpenid: text('wechat_openid'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
