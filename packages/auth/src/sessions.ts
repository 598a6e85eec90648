import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { schema, type Database, type Tx } from '@city/db';
import { anyOf } from '@city/db/arrays';
import { eq } from 'drizzle-orm';
import type { Clock } from './clock.ts';
import { randomToken } from './random.ts';
import { sha256Text } from './sha256.ts';

/**
 * Sessions after Lucia's guide (packages/auth/README.md): token = `<id>.<secret>`; the database keeps the id and SHA-256 of the
 * secret; a session dies after INACTIVITY of no use, and each use renews it (at most once per ACTIVITY_CHECK).
 */
export const INACTIVITY_TIMEOUT_MS = 30 * 24 * 60 * 60 * 1000;
export const ACTIVITY_CHECK_MS = 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  phone: string;
  displayName: string;
  locale: 'zh-CN' | 'en';
  isPlatformOperator: boolean;
}

export interface ValidSession {
  id: string;
  user: SessionUser;
  expiresAt: Date;
}

export interface IssuedSession {
  token: string;
  id: string;
  expiresAt: Date;
}

/** A session token's two halves; the id is looked up, the secret checked against the stored hash. */
export interface SessionCredential {
  id: string;
  secret: string;
}

/** What the database holds of a session and its person. */
export interface StoredSession {
  secretHash: Uint8Array;
  lastVerifiedAt: Date;
  user: SessionUser;
}

/** Both halves are randomToken()s (lower-case base32; tests' bulk sign-in writes hex). */
const TOKEN = /^([a-z0-9]{1,64})\.([a-z0-9]{1,64})$/;

/** `<id>.<secret>` split, or null for anything that cannot be a token of ours (nothing else reaches the database). */
export function parseSessionToken(token: string): SessionCredential | null {
  const parts = TOKEN.exec(token);
  return parts ? { id: parts[1]!, secret: parts[2]! } : null;
}

export class SessionStore {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  async create(userId: string, userAgent: string | null): Promise<IssuedSession> {
    const id = randomToken();
    const secret = randomToken();
    const now = this.clock.now();
    await this.db.insert(schema.sessions).values({
      id,
      secretHash: sha256Text(secret),
      userId,
      createdAt: now,
      lastVerifiedAt: now,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { token: `${id}.${secret}`, id, expiresAt: new Date(now.getTime() + INACTIVITY_TIMEOUT_MS) };
  }

  validate(token: string): Promise<ValidSession | null> {
    const credential = parseSessionToken(token);
    return credential ? this.check(credential) : Promise.resolve(null);
  }

  /** The session named by an already parsed token, if it holds. */
  async check(credential: SessionCredential): Promise<ValidSession | null> {
    const { session, upkeep } = this.settle(credential, (await this.stored([credential.id])).get(credential.id));
    await upkeep?.();
    return session;
  }

  /**
   * Sessions and their people by session id, in one statement, through `db` (a transaction that holds the connection:
   * a group of requests checks its sessions inside the group's own transaction). Unknown ids are absent.
   */
  async stored(ids: readonly string[], db: Database | Tx = this.db): Promise<Map<string, StoredSession>> {
    const rows = await db
      .select({
        id: schema.sessions.id,
        secretHash: schema.sessions.secretHash,
        lastVerifiedAt: schema.sessions.lastVerifiedAt,
        user: {
          id: schema.users.id,
          phone: schema.users.phone,
          displayName: schema.users.displayName,
          locale: schema.users.locale,
          isPlatformOperator: schema.users.isPlatformOperator,
        },
      })
      .from(schema.sessions)
      .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
      .where(ids.length === 1 ? eq(schema.sessions.id, ids[0]!) : anyOf(schema.sessions.id, ids));
    return new Map(rows.map(({ id, ...row }) => [id, { ...row, secretHash: new Uint8Array(row.secretHash) }]));
  }

  /**
   * Whether a session read from the database (by check(), or with a neighbourhood's entry: withTenantBySession) holds
   * for the credential's secret, and the upkeep that is due: removing a session idle too long, renewing one in use (at
   * most once per ACTIVITY_CHECK). The upkeep is the caller's to run, on the store's own connection, once the
   * transaction that read the session (which may be read-only) is over.
   */
  settle(
    credential: SessionCredential,
    found: StoredSession | undefined,
  ): { session: ValidSession | null; upkeep?: () => Promise<void> } {
    if (!found || !constantTimeEqual(sha256Text(credential.secret), found.secretHash)) return { session: null };
    const { id } = credential;
    const now = this.clock.now().getTime();
    const idle = now - found.lastVerifiedAt.getTime();
    if (idle >= INACTIVITY_TIMEOUT_MS) return { session: null, upkeep: () => this.revoke(id) };
    const expiresIn = (from: number) => new Date(from + INACTIVITY_TIMEOUT_MS);
    if (idle < ACTIVITY_CHECK_MS)
      return { session: { id, user: found.user, expiresAt: expiresIn(found.lastVerifiedAt.getTime()) } };
    const lastVerifiedAt = new Date(now);
    return {
      session: { id, user: found.user, expiresAt: expiresIn(now) },
      upkeep: async () => {
        await this.db.update(schema.sessions).set({ lastVerifiedAt }).where(eq(schema.sessions.id, id));
      },
    };
  }

  async list(userId: string) {
    const rows = await this.db
      .select({
        id: schema.sessions.id,
        createdAt: schema.sessions.createdAt,
        lastVerifiedAt: schema.sessions.lastVerifiedAt,
        userAgent: schema.sessions.userAgent,
      })
      .from(schema.sessions)
      .where(eq(schema.sessions.userId, userId))
      .orderBy(schema.sessions.createdAt);
    const now = this.clock.now().getTime();
    return rows
      .filter((r) => now - r.lastVerifiedAt.getTime() < INACTIVITY_TIMEOUT_MS)
      .map((r) => ({ ...r, expiresAt: new Date(r.lastVerifiedAt.getTime() + INACTIVITY_TIMEOUT_MS) }));
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.delete(schema.sessions).where(eq(schema.sessions.id, sessionId));
  }

  async revokeAll(userId: string): Promise<void> {
    await this.db.delete(schema.sessions).where(eq(schema.sessions.userId, userId));
  }
}
