import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { schema, type Tx } from '@city/db';
import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { decodeSeqCursor, encodeSeqCursor } from './pagination.ts';

export interface AuditActor {
  id: string | null;
  displayName: string;
}

/** Who acts, in which neighbourhood, when: what every governance write passes down to its audit entry. */
export interface AuditContext {
  tenantId: string;
  actor: AuditActor;
  at: Date;
}

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

const GENESIS: Uint8Array = new Uint8Array(32);
const encoder = new TextEncoder();

/** JSON with keys sorted at every level, so the same change always has the same digest. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

interface Linkable {
  tenantId: string;
  seq: number;
  actorUserId: string | null;
  actorName: string;
  action: string;
  targetType: string;
  targetId: string;
  occurredAt: Date;
  changeDigest: Uint8Array;
}

/** hash = SHA-256(prev hash ‖ canonical entry); the entry includes the digest of its details. */
export function linkHash(prev: Uint8Array, entry: Linkable): Uint8Array {
  const body = encoder.encode(
    canonicalJson({
      tenantId: entry.tenantId,
      seq: entry.seq,
      actor: entry.actorUserId,
      actorName: entry.actorName,
      action: entry.action,
      target: `${entry.targetType}:${entry.targetId}`,
      at: entry.occurredAt.toISOString(),
      change: encodeHexLowerCase(entry.changeDigest),
    }),
  );
  const joined = new Uint8Array(prev.length + body.length);
  joined.set(prev);
  joined.set(body, prev.length);
  return sha256(joined);
}

const bytes = (b: Uint8Array) => new Uint8Array(b);
const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Appends to a neighbourhood's trail inside the caller's tenant transaction, so the entry exists exactly when the
 * write it describes commits. Appends are serialised per neighbourhood by the head row's lock.
 */
export async function appendAudit(tx: Tx, tenantId: string, actor: AuditActor, entry: AuditEntry, at: Date) {
  const [head] = await tx
    .insert(schema.auditHeads)
    .values({ tenantId, seq: 1, hash: GENESIS })
    .onConflictDoUpdate({ target: schema.auditHeads.tenantId, set: { seq: sql`${schema.auditHeads.seq} + 1` } })
    .returning({ seq: schema.auditHeads.seq, prev: schema.auditHeads.hash });
  const occurredAt = new Date(Math.floor(at.getTime()));
  const linkable: Linkable = {
    tenantId,
    seq: head!.seq,
    actorUserId: actor.id,
    actorName: actor.displayName,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    occurredAt,
    changeDigest: sha256(encoder.encode(canonicalJson(entry.details))),
  };
  const prevHash = bytes(head!.prev);
  const hash = linkHash(prevHash, linkable);
  await tx.insert(schema.auditLog).values({ ...linkable, details: entry.details, prevHash, hash });
  await tx.update(schema.auditHeads).set({ hash }).where(eq(schema.auditHeads.tenantId, tenantId));
}

/** appendAudit for a write made in an audit context. */
export function audit(tx: Tx, context: AuditContext, entry: AuditEntry) {
  return appendAudit(tx, context.tenantId, context.actor, entry, context.at);
}

const columns = {
  seq: schema.auditLog.seq,
  actorUserId: schema.auditLog.actorUserId,
  actorName: schema.auditLog.actorName,
  action: schema.auditLog.action,
  targetType: schema.auditLog.targetType,
  targetId: schema.auditLog.targetId,
  occurredAt: schema.auditLog.occurredAt,
  details: schema.auditLog.details,
  hash: schema.auditLog.hash,
};

/** Newest first, by sequence number. */
export async function listAudit(tx: Tx, tenantId: string, options: { cursor?: string | undefined; limit: number }) {
  const before = decodeSeqCursor(options.cursor);
  const rows = await tx
    .select(columns)
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.tenantId, tenantId), before ? lt(schema.auditLog.seq, before) : undefined))
    .orderBy(desc(schema.auditLog.seq))
    .limit(options.limit + 1);
  const items = rows.slice(0, options.limit).map((r) => ({ ...r, hash: encodeHexLowerCase(bytes(r.hash)) }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > options.limit && last ? encodeSeqCursor(last.seq) : null };
}

export type ChainVerdict =
  | { ok: true; length: number; head: string | null }
  | {
      ok: false;
      length: number;
      brokenAt: number;
      reason: 'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch';
    };

/**
 * Recomputes the chain from the first entry. Names the first broken link: an edited entry (its hash no longer
 * matches), a re-linked one, a missing sequence number, or a head that disagrees with the last entry (the tail
 * was cut off). Reads in pages so a long trail does not load at once.
 */
export async function verifyAudit(tx: Tx, tenantId: string): Promise<ChainVerdict> {
  let prev: Uint8Array = GENESIS;
  let expected = 1;
  for (;;) {
    const rows = await tx
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tenantId, tenantId), gt(schema.auditLog.seq, expected - 1)))
      .orderBy(asc(schema.auditLog.seq))
      .limit(1000);
    for (const row of rows) {
      const length = expected - 1;
      if (row.seq !== expected) return { ok: false, length, brokenAt: expected, reason: 'gap' };
      const digest = sha256(encoder.encode(canonicalJson(row.details)));
      if (!equal(bytes(row.prevHash), prev)) return { ok: false, length, brokenAt: row.seq, reason: 'link_mismatch' };
      const hash = linkHash(prev, { ...row, changeDigest: digest });
      if (!equal(hash, bytes(row.hash)) || !equal(digest, bytes(row.changeDigest))) {
        return { ok: false, length, brokenAt: row.seq, reason: 'hash_mismatch' };
      }
      prev = hash;
      expected += 1;
    }
    if (rows.length < 1000) break;
  }
  const length = expected - 1;
  const [head] = await tx.select().from(schema.auditHeads).where(eq(schema.auditHeads.tenantId, tenantId));
  if ((head?.seq ?? 0) !== length || (head && !equal(bytes(head.hash), prev))) {
    return { ok: false, length, brokenAt: length + 1, reason: 'head_mismatch' };
  }
  return { ok: true, length, head: length ? encodeHexLowerCase(prev) : null };
}
