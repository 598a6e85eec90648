import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id } from './columns.ts';

/** 区 → 街道 → 社区. Platform data, administered by platform operators. */
export const regions = pgTable(
  'regions',
  {
    id: id(),
    kind: text('kind', { enum: ['district', 'street', 'community'] }).notNull(),
    parentId: uuid('parent_id').references((): any => regions.id),
    name: text('name').notNull(),
    /** Administrative-division code (GB/T 2260 for districts, 12-digit statistical codes below). */
    code: text('code'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('regions_parent_name').on(sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000')`, t.name),
    index('regions_parent').on(t.parentId),
    check('regions_root_is_district', sql`(${t.kind} = 'district') = (${t.parentId} is null)`),
  ],
);

/** A neighbourhood (小区): the tenant. Its region path is stored so supervision needs no recursive query. */
export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    slug: text('slug').notNull().unique(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => regions.id),
    streetId: uuid('street_id')
      .notNull()
      .references(() => regions.id),
    districtId: uuid('district_id')
      .notNull()
      .references(() => regions.id),
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    index('tenants_community').on(t.communityId),
    index('tenants_street').on(t.streetId),
    index('tenants_district').on(t.districtId),
  ],
);

export const users = pgTable('users', {
  id: id(),
  /** Mainland mobile number, 11 digits, no country prefix. */
  phone: text('phone').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale', { enum: ['zh-CN', 'en'] })
    .notNull()
    .default('zh-CN'),
  isPlatformOperator: boolean('is_platform_operator').notNull().default(false),
  createdAt: createdAt(),
});

/** Lucia-style sessions: the id is public, only SHA-256 of the secret is stored (packages/auth/README.md). */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: bytea('secret_hash').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** One-time codes sent by SMS to confirm a number. Only a hash of the code is stored. */
export const phoneCodes = pgTable(
  'phone_codes',
  {
    id: id(),
    phone: text('phone').notNull(),
    purpose: text('purpose', { enum: ['sign-up', 'password-reset', 'invitation'] }).notNull(),
    codeHash: bytea('code_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('phone_codes_phone').on(t.phone, t.purpose, t.createdAt)],
);

/** Fixed-window counters for rate limits, shared by every API instance (edge included). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Staff of a 街道 or 社区: read-only supervisors of the neighbourhoods below that region. */
export const regionStaff = pgTable(
  'region_staff',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => regions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.userId] }), index('region_staff_user').on(t.userId)],
);

/** An application to open a neighbourhood; approval creates the tenant. */
export const neighbourhoodApplications = pgTable(
  'neighbourhood_applications',
  {
    id: id(),
    name: text('name').notNull(),
    /** Name without spaces and punctuation, lower-cased: "金色 家园·一期" and "金色家园一期" are one neighbourhood. */
    nameKey: text('name_key').notNull(),
    address: text('address').notNull(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => regions.id),
    applicantUserId: uuid('applicant_user_id')
      .notNull()
      .references(() => users.id),
    applicantName: text('applicant_name').notNull(),
    applicantPhone: text('applicant_phone').notNull(),
    note: text('note'),
    status: text('status', { enum: ['pending', 'approved', 'rejected', 'withdrawn'] })
      .notNull()
      .default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    reason: text('reason'),
    tenantId: uuid('tenant_id').references(() => tenants.id),
    createdAt: createdAt(),
  },
  (t) => [
    // A second live application for the same neighbourhood is refused by the database, not only by a check.
    uniqueIndex('applications_live_name')
      .on(t.communityId, t.nameKey)
      .where(sql`status in ('pending', 'approved')`),
    index('applications_community_status').on(t.communityId, t.status),
    index('applications_applicant').on(t.applicantUserId),
  ],
);
