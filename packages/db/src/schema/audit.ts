import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgPolicy,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { appRole, eraserRole } from './columns.ts';
import { tenantId, tenantPolicies } from './tenancy.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The per-neighbourhood audit trail: an append-only hash chain. Each entry's hash covers the previous hash and the
 * entry itself (actor, action, target, time, and salted commitments to the actor's name and to the details), so
 * editing or deleting any row breaks every hash after it. The app role may only insert (migration 0005 revokes
 * UPDATE and DELETE). Erasing a person (PIPL art. 47) rewrites their name in the entries that name them, as the
 * eraser role: the salt of the rewritten part is dropped, so its commitment stays in the chain and can no longer be
 * tied to the name (docs/domain.md §5.5, §6.2).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: tenantId(),
    seq: integer('seq').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** What changed, without sensitive personal data (PIPL): ids, roles, masked numbers. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    /** SHA-256(details salt ‖ canonical details); for entries written before migration 0017, of the details alone. */
    changeDigest: bytea('change_digest').notNull(),
    /** Null only on entries written before migration 0017, which commit to the name in clear. */
    actorCommitment: bytea('actor_commitment'),
    /** Random, 16 bytes; null once the part it salts was redacted. */
    actorSalt: bytea('actor_salt'),
    detailsSalt: bytea('details_salt'),
    redactedAt: timestamp('redacted_at', { withTimezone: true }),
    prevHash: bytea('prev_hash').notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_log_tenant_time').on(t.tenantId, t.occurredAt),
    index('audit_log_actor').on(t.actorUserId),
    // A salt goes only with a recorded redaction.
    check(
      'audit_log_salted',
      sql`${t.redactedAt} is not null or ${t.actorCommitment} is null or (${t.actorSalt} is not null and ${t.detailsSalt} is not null)`,
    ),
    ...tenantPolicies('audit_log'),
    // A person's own entries across neighbourhoods (withUser): where they acted, for their export and erasure.
    pgPolicy('audit_log_actor', { for: 'select', to: appRole, using: sql`actor_user_id = (select app_user())` }),
    pgPolicy('audit_log_erasure_read', { for: 'select', to: eraserRole, using: sql`tenant_id = app_tenant()` }),
    pgPolicy('audit_log_erasure', {
      for: 'update',
      to: eraserRole,
      using: sql`tenant_id = app_tenant()`,
      withCheck: sql`tenant_id = app_tenant() and redacted_at is not null`,
    }),
  ],
).enableRLS();

/** The chain head of each neighbourhood; its row lock serialises appends, and it detects a truncated tail. */
export const auditHeads = pgTable(
  'audit_heads',
  {
    tenantId: tenantId().primaryKey(),
    seq: integer('seq').notNull(),
    hash: bytea('hash').notNull(),
  },
  () => [...tenantPolicies('audit_heads')],
).enableRLS();
