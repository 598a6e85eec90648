import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, bytea, createdAt, id } from './columns.ts';
import { users } from './platform.ts';
import { owners, units } from './registry.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

/**
 * A single-use code printed on a unit's letter. Only its SHA-256 is stored (the code is random, 50 bits, so a
 * plain hash is enough); issuing new letters for a unit revokes its unused codes.
 */
export const unitCodes = pgTable(
  'unit_codes',
  {
    id: id(),
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    codeHash: bytea('code_hash').notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    usedBy: uuid('used_by').references(() => users.id),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('unit_codes_hash').on(t.tenantId, t.codeHash),
    index('unit_codes_tenant_unit').on(t.tenantId, t.unitId),
    ...tenantPolicies('unit_codes'),
  ],
).enableRLS();

/**
 * A person's link to a unit: claimed with a code or approved by the admin. Owner status is not declared by the
 * person: `owner_id` points at the registry's owner record they were matched to, and whether that owner still
 * owns the unit is read from the registry each time.
 */
export const verifications = pgTable(
  'verifications',
  {
    id: id(),
    tenantId: tenantId(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    displayName: text('display_name').notNull(),
    relation: text('relation', { enum: ['owner', 'family', 'renter', 'other'] }).notNull(),
    ownerId: uuid('owner_id').references(() => owners.id),
    status: text('status', { enum: ['pending', 'verified', 'rejected', 'revoked'] }).notNull(),
    method: text('method', { enum: ['code', 'approval'] }).notNull(),
    note: text('note').notNull().default(''),
    codeId: uuid('code_id').references(() => unitCodes.id),
    requestedAt: createdAt('requested_at'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    uniqueIndex('verifications_open')
      .on(t.tenantId, t.unitId, t.userId)
      .where(sql`status in ('pending', 'verified')`),
    index('verifications_tenant_status').on(t.tenantId, t.status, t.requestedAt),
    index('verifications_user').on(t.userId),
    check(
      'verifications_owner_linked',
      sql`(${t.relation} = 'owner') = (${t.ownerId} is not null) or ${t.status} <> 'verified'`,
    ),
    ...tenantPolicies('verifications'),
    // A person follows their own requests across neighbourhoods (withUser scope).
    pgPolicy('verifications_self', { for: 'select', to: appRole, using: sql`user_id = app_user()` }),
  ],
).enableRLS();

/**
 * A registry file being imported: validated first (errors row by row), then applied in one transaction. The
 * validated rows are kept as parsed, with ID numbers already reduced to their keyed hash and mask (PIPL).
 */
export const registryImports = pgTable(
  'registry_imports',
  {
    id: id(),
    tenantId: tenantId(),
    fileName: text('file_name').notNull(),
    fileDigest: text('file_digest').notNull(),
    status: text('status', { enum: ['invalid', 'ready', 'applying', 'applied', 'failed'] }).notNull(),
    rowCount: integer('row_count').notNull(),
    errors: jsonb('errors').$type<unknown[]>().notNull().default([]),
    plan: jsonb('plan').$type<unknown>(),
    summary: jsonb('summary').$type<Record<string, number>>(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('registry_imports_tenant_created').on(t.tenantId, t.createdAt), ...tenantPolicies('registry_imports')],
).enableRLS();
