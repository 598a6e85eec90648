import { schema, type Database } from '@city/db';
import { lt, sql } from 'drizzle-orm';
import type { Clock } from './clock.ts';

export interface Limit {
  max: number;
  windowMs: number;
}

export interface RateDecision {
  allowed: boolean;
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
    const now = this.clock.now().getTime();
    const windowStart = new Date(now - (now % limit.windowMs));
    const [row] = await this.db
      .insert(schema.rateLimits)
      .values({ key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [schema.rateLimits.key, schema.rateLimits.windowStart],
        set: { count: sql`${schema.rateLimits.count} + 1` },
      })
      .returning({ count: schema.rateLimits.count });
    const retryAfter = Math.ceil((windowStart.getTime() + limit.windowMs - now) / 1000);
    return { allowed: (row?.count ?? 0) <= limit.max, retryAfter };
  }

  /** Forgets windows that ended more than a day ago. */
  async prune(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - 24 * 60 * 60 * 1000);
    await this.db.delete(schema.rateLimits).where(lt(schema.rateLimits.windowStart, cutoff));
  }
}

/** Sign-in: per number against guessing one account, per IP against spraying many. */
export const SIGN_IN_LIMITS = {
  perPhone: { max: 10, windowMs: 15 * 60 * 1000 },
  perIp: { max: 100, windowMs: 15 * 60 * 1000 },
} satisfies Record<string, Limit>;

/** SMS codes cost money and annoy people: per number and per IP. */
export const SMS_LIMITS = {
  perPhone: { max: 5, windowMs: 60 * 60 * 1000 },
  perIp: { max: 30, windowMs: 60 * 60 * 1000 },
} satisfies Record<string, Limit>;
