import { schema, type Database } from '@city/db';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Clock } from './clock.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** Seconds until the current window ends. */
  retryAfter: number;
}

/**
 * Fixed-window counters in the database, so every instance (Node or edge) shares them.
 * Each call counts one attempt atomically (insert … on conflict do update), even under concurrency.
 */
export class RateLimiter {
  private readonly db: Database;
  private readonly clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.db = db;
    this.clock = clock;
  }

  async consume(key: string, limit: Limit): Promise<RateDecision> {
    const { now, windowStart } = this.window(limit);
    const [row] = await this.db
      .insert(schema.rateLimits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [schema.rateLimits.key, schema.rateLimits.windowStart],
        set: { count: sql`${schema.rateLimits.count} + 1` },
      })
      .returning({ count: schema.rateLimits.count });
    const count = row?.count ?? 0;
    return { allowed: count <= limit.max, count, retryAfter: retryAfter(now, windowStart, limit) };
  }

  /** The current window's count, without counting anything. */
  async peek(key: string, limit: Limit): Promise<RateDecision> {
    const { now, windowStart } = this.window(limit);
    const [row] = await this.db
      .select({ count: schema.rateLimits.count })
      .from(schema.rateLimits)
      .where(and(eq(schema.rateLimits.key, key), eq(schema.rateLimits.windowStart, windowStart)));
    const count = row?.count ?? 0;
    return { allowed: count < limit.max, count, retryAfter: retryAfter(now, windowStart, limit) };
  }

  /** Takes back one attempt of the current window (one that turned out not to count, e.g. a successful sign-in). */
  async release(key: string, limit: Limit): Promise<void> {
    const { windowStart } = this.window(limit);
    await this.db
      .update(schema.rateLimits)
      .set({ count: sql`${schema.rateLimits.count} - 1` })
      .where(
        and(
          eq(schema.rateLimits.key, key),
          eq(schema.rateLimits.windowStart, windowStart),
          gt(schema.rateLimits.count, 0),
        ),
      );
  }

  /** Forgets every window of a key. */
  async reset(key: string): Promise<void> {
    await this.db.delete(schema.rateLimits).where(eq(schema.rateLimits.key, key));
  }

  /** Forgets windows that ended more than a day ago. */
  async prune(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000);
    await this.db.delete(schema.rateLimits).where(lt(schema.rateLimits.windowStart, cutoff));
  }

  private window(limit: Limit) {
    const now = this.clock.now().getTime();
    return { now, windowStart: new Date(now - (now % limit.windowMs)) };
  }
}

const retryAfter = (now: number, windowStart: Date, limit: Limit) =>
  Math.ceil((windowStart.getTime() + limit.windowMs - now) / 1000);

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/**
 * Sign-in. Failures are counted per number *and* address, so a guesser locks only themselves out: the owner signing
 * in from anywhere else is not affected, and their successful sign-in clears their own counter. Per address across
 * numbers against spraying. Per number across all addresses, a ceiling that does not lock anyone out: past it, an
 * address that already failed at this number in the window gets no further try, while an address that has not
 * failed still may — which is where the owner signs in from. A distributed guesser is held to one guess per address
 * per window instead of ten; a ceiling that refused every address would hand anyone a switch to lock the owner out.
 */
export const SIGN_IN_LIMITS = {
  perPhoneAndAddress: { max: 10, windowMs: 15 * MINUTE },
  perAddress: { max: 100, windowMs: 15 * MINUTE },
  perPhone: { max: 30, windowMs: 15 * MINUTE },
} satisfies Record<string, Limit>;

/** Requests for SMS codes cost money and annoy people: per number and per address. */
export const SMS_LIMITS = {
  perPhone: { max: 5, windowMs: HOUR },
  perIp: { max: 30, windowMs: HOUR },
} satisfies Record<string, Limit>;

/**
 * Every text the platform sends, whatever its kind (codes, invitations, "you already have an account"): per number,
 * so no path can flood one phone, and in all, a ceiling on what an SMS-pumping attack can cost (at about ¥0.05 a
 * text, 1,000 an hour is at most ¥50 an hour). Raise `all` here for a city-wide deployment.
 */
export const SMS_SEND_LIMITS = {
  perNumber: { max: 10, windowMs: 24 * HOUR },
  all: { max: 1000, windowMs: HOUR },
} satisfies Record<string, Limit>;
