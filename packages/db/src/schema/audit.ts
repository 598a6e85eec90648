import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantId, tenantPolicies } from './tenancy.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/**
 * The per-neighbourhood audit trail: an append-only hash chain. Each entry's hash covers the previous hash and the
 * entry itself (actor, action, target, time, digest of the change), so editing or deleting any row breaks every
 * hash after it. The app role may only insert (migration 0005 revokes UPDATE and DELETE).
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
    changeDigest: bytea('change_digest').notNull(),
    prevHash: bytea('prev_hash').notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.seq] }),
    index('audit_log_tenant_time').on(t.tenantId, t.occurredAt),
    ...tenantPolicies('audit_log'),
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
