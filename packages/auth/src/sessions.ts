import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { schema, type Database } from '@city/db';
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

  async validate(token: string): Promise<ValidSession | null> {
    const parts = token.split('.');
    if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0].length > 64) return null;
    const [id, secret] = parts as [string, string];
    const [row] = await this.db
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
      .where(eq(schema.sessions.id, id));
    if (!row) return null;
    if (!constantTimeEqual(sha256Text(secret), new Uint8Array(row.secretHash))) return null;
    const now = this.clock.now().getTime();
    const idle = now - row.lastVerifiedAt.getTime();
    if (idle >= INACTIVITY_TIMEOUT_MS) {
      await this.revoke(id);
      return null;
    }
    let lastVerifiedAt = row.lastVerifiedAt;
    if (idle >= ACTIVITY_CHECK_MS) {
      lastVerifiedAt = new Date(now);
      await this.db.update(schema.sessions).set({ lastVerifiedAt }).where(eq(schema.sessions.id, id));
    }
    return { id, user: row.user, expiresAt: new Date(lastVerifiedAt.getTime() + INACTIVITY_TIMEOUT_MS) };
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
