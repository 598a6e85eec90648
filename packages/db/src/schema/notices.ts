import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { users } from './platform.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

export interface NoticeAttachment {
  name: string;
  url: string;
}

/**
 * Notices and the 公示 board of a neighbourhood. A published 公示 (category `disclosure`) is never edited: a
 * correction is a new notice pointing at it (`corrects_id`). `source` names who published: the core or a plugin.
 */
export const notices = pgTable(
  'notices',
  {
    id: id(),
    tenantId: tenantId(),
    category: text('category', { enum: ['notice', 'disclosure', 'result'] }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    attachments: jsonb('attachments').$type<NoticeAttachment[]>().notNull().default([]),
    audience: text('audience', { enum: ['public', 'residents', 'owners', 'building'] }).notNull(),
    buildingId: uuid('building_id'),
    pinned: boolean('pinned').notNull().default(false),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] })
      .notNull()
      .default('draft'),
    /** The publish window: shown from publishAt until expiresAt (for 公示: the disclosure period). */
    publishAt: timestamp('publish_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    correctsId: uuid('corrects_id'),
    source: text('source').notNull().default('core'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notices_tenant_status').on(t.tenantId, t.status, t.publishAt),
    index('notices_tenant_corrects').on(t.tenantId, t.correctsId),
    check('notices_building_audience', sql`(${t.audience} = 'building') = (${t.buildingId} is not null)`),
    check('notices_window', sql`${t.expiresAt} is null or ${t.publishAt} is null or ${t.expiresAt} > ${t.publishAt}`),
    ...tenantPolicies('notices'),
  ],
).enableRLS();
