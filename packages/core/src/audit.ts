import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { schema, type Tx } from '@city/db';
import { and, asc, desc, eq, gt, gte, isNotNull, like, lt, or, sql } from 'drizzle-orm';
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
  /**
   * What the link commits to for the actor's name: its salted commitment in hex — or, on entries written before
   * migration 0017, the name itself.
   */
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
 * SHA-256(salt ‖ text). The chain commits to an entry's actor name and details this way, so that erasing a person
 * (PIPL art. 47) can replace their name and drop the salt: the commitment stays in the chain, and without its random
 * salt it no longer confirms a guessed name (a bare hash of a name would).
 */
function salted(salt: Uint8Array, text: string): Uint8Array {
  const body = encoder.encode(text);
  const joined = new Uint8Array(salt.length + body.length);
  joined.set(salt);
  joined.set(body, salt.length);
  return sha256(joined);
}

const newSalt = () => crypto.getRandomValues(new Uint8Array(16));

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
  const actorSalt = newSalt();
  const detailsSalt = newSalt();
  const actorCommitment = salted(actorSalt, actor.displayName);
  const linkable: Linkable = {
    tenantId,
    seq: head!.seq,
    actorUserId: actor.id,
    actorName: encodeHexLowerCase(actorCommitment),
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    occurredAt,
    changeDigest: salted(detailsSalt, canonicalJson(entry.details)),
  };
  const prevHash = bytes(head!.prev);
  const hash = linkHash(prevHash, linkable);
  await tx.insert(schema.auditLog).values({
    ...linkable,
    actorName: actor.displayName,
    actorCommitment,
    actorSalt,
    details: entry.details,
    detailsSalt,
    prevHash,
    hash,
  });
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

export interface AuditFilter {
  cursor?: string | undefined;
  limit: number;
  /** The acting user. */
  actor?: string | undefined;
  /** An action, or `<area>.*` for every action of an area or a plugin. */
  action?: string | undefined;
  /** Days (YYYY-MM-DD) as they are in Beijing, both inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

/** Midnight in Beijing starting `day` (China keeps no daylight saving time, so +08:00 always holds). */
const beijingMidnight = (day: string, plusDays = 0) =>
  new Date(new Date(`${day}T00:00:00+08:00`).getTime() + plusDays * 86_400_000);

function filtered(tenantId: string, filter: Omit<AuditFilter, 'cursor' | 'limit'>) {
  const l = schema.auditLog;
  const area = filter.action?.endsWith('.*') ? filter.action.slice(0, -1) : undefined;
  return and(
    eq(l.tenantId, tenantId),
    filter.actor ? eq(l.actorUserId, filter.actor) : undefined,
    area ? sql`left(${l.action}, ${area.length}) = ${area}` : filter.action ? eq(l.action, filter.action) : undefined,
    filter.from ? gte(l.occurredAt, beijingMidnight(filter.from)) : undefined,
    filter.to ? lt(l.occurredAt, beijingMidnight(filter.to, 1)) : undefined,
  );
}

/** Newest first, by sequence number, narrowed by who acted, what they did and when. */
export async function listAudit(tx: Tx, tenantId: string, { cursor, limit, ...filter }: AuditFilter) {
  const before = decodeSeqCursor(cursor);
  const rows = await tx
    .select(columns)
    .from(schema.auditLog)
    .where(and(filtered(tenantId, filter), before ? lt(schema.auditLog.seq, before) : undefined))
    .orderBy(desc(schema.auditLog.seq))
    .limit(limit + 1);
  const items = rows.slice(0, limit).map((r) => ({ ...r, hash: encodeHexLowerCase(bytes(r.hash)) }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeSeqCursor(last.seq) : null };
}

/**
 * What the trail's filters can offer: the people who acted (each by the name of their latest entry, which an erasure
 * has already rewritten) and the actions recorded.
 */
export async function auditFacets(tx: Tx, tenantId: string) {
  const l = schema.auditLog;
  const actors = await tx
    .selectDistinctOn([l.actorUserId], { id: l.actorUserId, name: l.actorName })
    .from(l)
    .where(and(eq(l.tenantId, tenantId), isNotNull(l.actorUserId)))
    .orderBy(l.actorUserId, desc(l.seq));
  const actions = await tx.selectDistinct({ action: l.action }).from(l).where(eq(l.tenantId, tenantId));
  return {
    actors: actors.flatMap((a) => (a.id ? [{ id: a.id, name: a.name }] : [])),
    actions: actions.map((a) => a.action).sort(),
  };
}

export type ChainVerdict =
  | { ok: true; length: number; head: string | null }
  | {
      ok: false;
      length: number;
      brokenAt: number;
      reason: 'hash_mismatch' | 'link_mismatch' | 'gap' | 'head_mismatch';
    };

/** The action of the entry that records an erasure; its details list the entries it redacted (`redacted`: seqs). */
export const ERASURE_ACTION = 'personal_data.erased';

type AuditRow = typeof schema.auditLog.$inferSelect;

/**
 * What an entry's link commits to for its actor's name and its details, from the row as stored; null when the row
 * no longer matches its commitments. A redacted part has no salt any more: its stored commitment stands for it.
 */
function committed(row: AuditRow): { actorName: string; change: Uint8Array } | null {
  if (!row.actorCommitment) {
    // Written before migration 0017: the name in clear and a plain digest of the details (never redacted).
    const change = sha256(encoder.encode(canonicalJson(row.details)));
    return equal(change, bytes(row.changeDigest)) ? { actorName: row.actorName, change } : null;
  }
  const stored = (commitment: Uint8Array) => (row.redactedAt ? bytes(commitment) : null);
  const actor = row.actorSalt ? salted(bytes(row.actorSalt), row.actorName) : stored(row.actorCommitment);
  const change = row.detailsSalt
    ? salted(bytes(row.detailsSalt), canonicalJson(row.details))
    : stored(row.changeDigest);
  if (!actor || !change || !equal(actor, bytes(row.actorCommitment)) || !equal(change, bytes(row.changeDigest)))
    return null;
  return { actorName: encodeHexLowerCase(actor), change };
}

const erasedSeqs = (details: Record<string, unknown>) =>
  Array.isArray(details.redacted) ? details.redacted.filter((seq): seq is number => Number.isInteger(seq)) : [];

/**
 * Recomputes the chain from the first entry. Names the first broken link: an edited entry (its hash no longer
 * matches), a re-linked one, a missing sequence number, or a head that disagrees with the last entry (the tail
 * was cut off). A redacted entry counts only when a later erasure entry lists it. Reads in pages so a long trail
 * does not load at once.
 */
export async function verifyAudit(tx: Tx, tenantId: string): Promise<ChainVerdict> {
  let prev: Uint8Array = GENESIS;
  let expected = 1;
  const unaccounted = new Set<number>();
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
      if (!equal(bytes(row.prevHash), prev)) return { ok: false, length, brokenAt: row.seq, reason: 'link_mismatch' };
      const commitments = committed(row);
      const hash = commitments && linkHash(prev, { ...row, ...commitments, changeDigest: commitments.change });
      if (!hash || !equal(hash, bytes(row.hash))) {
        return { ok: false, length, brokenAt: row.seq, reason: 'hash_mismatch' };
      }
      if (row.redactedAt) unaccounted.add(row.seq);
      if (row.action === ERASURE_ACTION) for (const seq of erasedSeqs(row.details)) unaccounted.delete(seq);
      prev = hash;
      expected += 1;
    }
    if (rows.length < 1000) break;
  }
  const length = expected - 1;
  if (unaccounted.size) {
    return { ok: false, length, brokenAt: Math.min(...unaccounted), reason: 'hash_mismatch' };
  }
  const [head] = await tx.select().from(schema.auditHeads).where(eq(schema.auditHeads.tenantId, tenantId));
  if ((head?.seq ?? 0) !== length || (head && !equal(bytes(head.hash), prev))) {
    return { ok: false, length, brokenAt: length + 1, reason: 'head_mismatch' };
  }
  return { ok: true, length, head: length ? encodeHexLowerCase(prev) : null };
}

/**
 * The entries of a neighbourhood that may name a person: those they made, and those whose details hold one of
 * `values` as a text (their names and numbers, JSON-encoded as the details store them). Entries written before
 * migration 0017 commit to names in clear and cannot be redacted without breaking the chain: they are not returned.
 */
export function entriesNaming(tx: Tx, tenantId: string, userId: string, values: readonly string[]) {
  const l = schema.auditLog;
  const mentions = values.map((value) =>
    like(sql`${l.details}::text`, `%${JSON.stringify(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
  );
  return tx
    .select({ seq: l.seq, actorUserId: l.actorUserId, details: l.details })
    .from(l)
    .where(and(eq(l.tenantId, tenantId), isNotNull(l.actorCommitment), or(eq(l.actorUserId, userId), ...mentions)))
    .orderBy(asc(l.seq));
}

/**
 * Rewrites what an entry says about an erased person: its actor's name, its details, or both. Only the eraser role
 * may (migration 0017; the caller switches to it). The rewritten part's salt is dropped and the entry marked
 * redacted, so the chain still verifies through the stored commitment; the erasure entry appended afterwards lists
 * it (ERASURE_ACTION), and verifyAudit refuses a redacted entry that no erasure lists.
 */
export async function redactEntry(
  tx: Tx,
  tenantId: string,
  seq: number,
  change: { actorName?: string; details?: Record<string, unknown> },
  at: Date,
) {
  const l = schema.auditLog;
  await tx
    .update(l)
    .set({
      ...(change.actorName === undefined ? {} : { actorName: change.actorName, actorSalt: null }),
      ...(change.details === undefined ? {} : { details: change.details, detailsSalt: null }),
      redactedAt: at,
    })
    .where(and(eq(l.tenantId, tenantId), eq(l.seq, seq)));
}
