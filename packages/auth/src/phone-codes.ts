import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { schema, type Database } from '@city/db';
import type { SmsPurpose } from '@city/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Clock } from './clock.ts';
import { randomDigits } from './random.ts';
import { sha256Text } from './sha256.ts';

export const CODE_TTL_MS = 10 * 60 * 1000;
export const RESEND_AFTER_MS = 60 * 1000;
export const MAX_CODE_ATTEMPTS = 5;

export type IssueResult = { ok: true; code: string; expiresAt: Date } | { ok: false; retryAfter: number };

/** Six-digit one-time codes confirming a mobile number. Only a hash is stored; each code allows 5 tries. */
export class PhoneCodes {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  async issue(phone: string, purpose: SmsPurpose): Promise<IssueResult> {
    const now = this.clock.now();
    const [last] = await this.latest(phone, purpose);
    if (last) {
      const wait = last.createdAt.getTime() + RESEND_AFTER_MS - now.getTime();
      if (wait > 0) return { ok: false, retryAfter: Math.ceil(wait / 1000) };
    }
    const code = randomDigits(6);
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await this.db
      .insert(schema.phoneCodes)
      .values({ phone, purpose, codeHash: sha256Text(`${phone}:${code}`), expiresAt, createdAt: now });
    return { ok: true, code, expiresAt };
  }

  /** Consumes the newest live code if it matches. Wrong guesses use up the code's attempts. */
  async verify(phone: string, purpose: SmsPurpose, code: string): Promise<boolean> {
    const [row] = await this.latest(phone, purpose);
    if (!row || row.consumedAt || row.attempts >= MAX_CODE_ATTEMPTS) return false;
    if (row.expiresAt.getTime() <= this.clock.now().getTime()) return false;
    if (!constantTimeEqual(sha256Text(`${phone}:${code}`), new Uint8Array(row.codeHash))) {
      await this.db
        .update(schema.phoneCodes)
        .set({ attempts: sql`${schema.phoneCodes.attempts} + 1` })
        .where(eq(schema.phoneCodes.id, row.id));
      return false;
    }
    // Only one concurrent verification may consume the code.
    const consumed = await this.db
      .update(schema.phoneCodes)
      .set({ consumedAt: this.clock.now() })
      .where(and(eq(schema.phoneCodes.id, row.id), isNull(schema.phoneCodes.consumedAt)))
      .returning({ id: schema.phoneCodes.id });
    return consumed.length === 1;
  }

  private latest(phone: string, purpose: SmsPurpose) {
    return this.db
      .select()
      .from(schema.phoneCodes)
      .where(and(eq(schema.phoneCodes.phone, phone), eq(schema.phoneCodes.purpose, purpose)))
      .orderBy(desc(schema.phoneCodes.createdAt))
      .limit(1);
  }
}
