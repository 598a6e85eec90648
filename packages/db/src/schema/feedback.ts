import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, createdAt, id } from './columns.ts';
import { feedbackDepartments } from './feedback-departments.ts';
import { organisations } from './organisations.ts';
import { users } from './platform.ts';
import { buildings, units } from './registry.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** A neighbourhood's rules for 码上提: its categories and the loop's clock (DOMAIN.md §4). */
export const feedbackSettings = pgTable(
  'feedback_settings',
  {
    tenantId: tenantId().primaryKey(),
    categories: text('categories').array().notNull(),
    /** Working days from assignment to the answer. */
    workingDays: smallint('working_days').notNull(),
    /** Working days before the deadline that the unit is reminded. */
    remindBefore: smallint('remind_before').notNull(),
    /** Calendar days the reporter has to rate an answer; after that the report closes as not rated. */
    ratingDays: smallint('rating_days').notNull(),
    restartClockOnReassign: boolean('restart_clock_on_reassign').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  () => [...tenantPolicies('feedback_settings')],
).enableRLS();

/**
 * Who handles reports here: the property company, the owners' committee, the party branch, the 社区, a service vendor
 * (an organisation, whose staff see only what is assigned to it), a 街道 department (its own, or one of the street's,
 * bound here when first assigned). People of the neighbourhood are named to a unit in `feedback_unit_members`.
 */
export const feedbackUnits = pgTable(
  'feedback_units',
  {
    id: id(),
    tenantId: tenantId(),
    kind: text('kind', {
      enum: ['property', 'committee', 'party_branch', 'community', 'vendor', 'street_department', 'other'],
    }).notNull(),
    name: text('name').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    /** The street's department this unit stands for; its name and members are the street's. */
    departmentId: uuid('department_id').references(() => feedbackDepartments.id),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    // A bound department keeps the street's name, which may be a local unit's too.
    uniqueIndex('feedback_units_name')
      .on(t.tenantId, t.name)
      .where(sql`${t.departmentId} is null`),
    uniqueIndex('feedback_units_department').on(t.tenantId, t.departmentId),
    index('feedback_units_organisation').on(t.organisationId),
    check('feedback_units_vendor', sql`(${t.kind} = 'vendor') = (${t.organisationId} is not null)`),
    check('feedback_units_street', sql`${t.departmentId} is null or ${t.kind} = 'street_department'`),
    ...tenantPolicies('feedback_units'),
    // A business finds the neighbourhoods where it handles reports (its business centre), and nothing else of them.
    pgPolicy('feedback_units_organisation', {
      for: 'select',
      to: appRole,
      using: sql`organisation_id = app_organisation()`,
    }),
    // A department's members find the neighbourhoods where it handles reports, and nothing else of them.
    pgPolicy('feedback_units_department', {
      for: 'select',
      to: appRole,
      using: sql`department_id in (select department_id from feedback_department_members where user_id = (select app_user()))`,
    }),
  ],
).enableRLS();

export const feedbackUnitMembers = pgTable(
  'feedback_unit_members',
  {
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => feedbackUnits.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.userId] }), ...tenantPolicies('feedback_unit_members')],
).enableRLS();

/**
 * An Open311 GeoReport v2 client of a neighbourhood (a city hotline's system, a third-party app), with the API key an
 * admin issued it: only the key's hash is kept, and a revoked key opens nothing more.
 */
export const open311Clients = pgTable(
  'open311_clients',
  {
    id: id(),
    tenantId: tenantId(),
    name: text('name').notNull(),
    keyHash: bytea('key_hash').notNull(),
    /** The key's last characters, so an admin can tell keys apart without the key. */
    keyHint: text('key_hint').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('open311_clients_key').on(t.keyHash), ...tenantPolicies('open311_clients')],
).enableRLS();

/**
 * A resident's report (码上提) on its way round the loop. The state and the clock are kept here; each step, with its
 * text and photos, in `feedback_steps`. The reporter is a member, or a phone number confirmed by code.
 */
export const feedbackReports = pgTable(
  'feedback_reports',
  {
    id: id(),
    tenantId: tenantId(),
    /** The number people quote (on the phone, on the board): unique across the platform, in order of arrival. */
    number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
    category: text('category').notNull(),
    body: text('body').notNull(),
    placeKind: text('place_kind', { enum: ['building', 'unit', 'public'] }).notNull(),
    buildingId: uuid('building_id').references(() => buildings.id),
    unitId: uuid('unit_id').references(() => units.id),
    /** Where exactly, in the reporter's words (北门外、3栋东侧…). */
    placeNote: text('place_note').notNull().default(''),
    channel: text('channel', {
      enum: ['qr', 'portal', 'phone', 'in_person', 'vendor', 'plugin', 'open311'],
    }).notNull(),
    /** The plugin or vendor that opened it, and its own key, so a retried request opens nothing twice. */
    sourceKey: text('source_key'),
    /** The Open311 client that sent it: the client reads its own requests in full, others only as the board shows them. */
    open311ClientId: uuid('open311_client_id').references(() => open311Clients.id),
    /** The business a report is about (a vendor complaint), as named when it came in. */
    aboutOrganisationId: uuid('about_organisation_id'),
    aboutName: text('about_name'),
    reporterUserId: uuid('reporter_user_id').references(() => users.id, { onDelete: 'set null' }),
    reporterName: text('reporter_name'),
    reporterPhone: text('reporter_phone'),
    /** The reporter agreed to be named on the public board. */
    namedOnBoard: boolean('named_on_board').notNull().default(false),
    status: text('status', {
      enum: ['received', 'assigned', 'answered', 'closed', 'rejected', 'merged'],
    }).notNull(),
    handlingUnitId: uuid('handling_unit_id').references(() => feedbackUnits.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    /** The working day by which the unit answers, Beijing time; provisional while that year's notice is unknown. */
    dueOn: date('due_on', { mode: 'string' }),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalation: text('escalation', { enum: ['none', 'community', 'street'] })
      .notNull()
      .default('none'),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    reopened: boolean('reopened').notNull().default(false),
    /** The unit's first word (progress or answer) after assignment: "responded on time" counts against due_on. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** Whether the unit's first word came by the deadline; null until it came (metrics: responded on time). */
    respondedOnTime: boolean('responded_on_time'),
    /** Working days from the report to its (latest) answer, counted when answered (metrics: median days to close). */
    workingDaysTaken: smallint('working_days_taken'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    rating: text('rating', { enum: ['satisfied', 'basically_satisfied', 'unsatisfied'] }),
    ratingComment: text('rating_comment'),
    mergedInto: uuid('merged_into'),
    rejectReason: text('reject_reason'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_reports_number').on(t.number),
    uniqueIndex('feedback_reports_source').on(t.tenantId, t.sourceKey),
    index('feedback_reports_tenant_status').on(t.tenantId, t.status, t.createdAt),
    index('feedback_reports_unit').on(t.tenantId, t.handlingUnitId, t.status),
    index('feedback_reports_tenant_created').on(t.tenantId, t.createdAt),
    index('feedback_reports_due')
      .on(t.tenantId, t.dueOn)
      .where(sql`status = 'assigned'`),
    index('feedback_reports_reporter').on(t.reporterUserId),
    check('feedback_reports_place', sql`(${t.placeKind} = 'public') or (${t.buildingId} is not null)`),
    ...tenantPolicies('feedback_reports'),
  ],
).enableRLS();

/** Each step of a report (梳理, 交办, 督办, answers, 评价), in order: the history everyone involved reads. */
export const feedbackSteps = pgTable(
  'feedback_steps',
  {
    id: id(),
    tenantId: tenantId(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => feedbackReports.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The name shown for the step: a person, a unit, or 系统 for the clock's own steps. */
    actorName: text('actor_name').notNull(),
    body: text('body').notNull().default(''),
    /** What changed (the unit assigned, the new due date, the rating), without personal data. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: createdAt('at'),
  },
  (t) => [index('feedback_steps_report').on(t.tenantId, t.reportId, t.at), ...tenantPolicies('feedback_steps')],
).enableRLS();

/** Who hears of a report's progress: its reporter, and the reporters of duplicates merged into it. */
export const feedbackFollowers = pgTable(
  'feedback_followers',
  {
    tenantId: tenantId(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => feedbackReports.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.userId] }),
    index('feedback_followers_user').on(t.userId),
    ...tenantPolicies('feedback_followers'),
  ],
).enableRLS();

/**
 * Photos of a report: the reporter's (what is wrong) and the handling side's (what was done), six each at most, kept
 * re-encoded (no metadata) and served only to those who may read the report.
 */
export const feedbackPhotos = pgTable(
  'feedback_photos',
  {
    id: id(),
    tenantId: tenantId(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => feedbackReports.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['reporter', 'handler'] }).notNull(),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_photos_report').on(t.tenantId, t.reportId), ...tenantPolicies('feedback_photos')],
).enableRLS();

/**
 * The tracking links of a report made without an account (码上提 by a confirmed phone number): only the token's
 * SHA-256 is kept. The reporter gets one when reporting and a fresh one in each text about the report, every one
 * valid for as long as the report is kept, so a bookmarked link keeps working.
 */
export const feedbackTrackers = pgTable(
  'feedback_trackers',
  {
    tokenHash: bytea('token_hash').primaryKey(),
    tenantId: tenantId(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => feedbackReports.id, { onDelete: 'cascade' }),
    /** The reporter's language, for the texts about the report. */
    locale: text('locale', { enum: ['zh-CN', 'en'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('feedback_trackers_report').on(t.tenantId, t.reportId), ...tenantPolicies('feedback_trackers')],
).enableRLS();
