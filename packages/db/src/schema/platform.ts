import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, bytea, createdAt, eraserRole, id } from './columns.ts';

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
  /**
   * When the person deleted their account (PIPL art. 47, docs/domain.md §5.5): the row stays, for the records that
   * must keep naming someone, with a pseudonym for the name, no phone number and no password.
   */
  erasedAt: timestamp('erased_at', { withTimezone: true }),
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
    purpose: text('purpose', {
      enum: ['sign-up', 'password-reset', 'invitation', 'account-deletion', 'feedback'],
    }).notNull(),
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
    // No neighbourhood owns an application (tenant_id is set once one is opened): the applicant reads their own, the
    // staff of its 社区, 街道 or 区 (and platform operators) read and decide those of their branch, as the database
    // computes it from app_user() (app_reviewed_communities(), migration 0017); nobody else sees any.
    pgPolicy('applications_applicant', {
      for: 'select',
      to: appRole,
      using: sql`applicant_user_id = (select app_user())`,
    }),
    pgPolicy('applications_apply', {
      for: 'insert',
      to: appRole,
      withCheck: sql`applicant_user_id = (select app_user()) and status = 'pending' and tenant_id is null and decided_by is null`,
    }),
    pgPolicy('applications_reviewer', {
      for: 'select',
      to: appRole,
      using: sql`community_id = any((select app_reviewed_communities())::uuid[])`,
    }),
    pgPolicy('applications_decide', {
      for: 'update',
      to: appRole,
      using: sql`community_id = any((select app_reviewed_communities())::uuid[])`,
      withCheck: sql`community_id = any((select app_reviewed_communities())::uuid[])`,
    }),
    // Erasure of an applicant's account: their name and number go, a pending application is withdrawn.
    pgPolicy('applications_erasure_read', {
      for: 'select',
      to: eraserRole,
      using: sql`applicant_user_id = (select app_user())`,
    }),
    pgPolicy('applications_erasure', {
      for: 'update',
      to: eraserRole,
      using: sql`applicant_user_id = (select app_user())`,
      withCheck: sql`applicant_user_id = (select app_user()) and status <> 'pending'`,
    }),
  ],
).enableRLS();
