import { AppError } from '@city/core';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { clientIp } from './request-meta.ts';

export interface PaceOptions {
  /** Requests each address may start per second, on average. */
  perSecond: number;
  /** How many it may start at once. */
  burst: number;
  /** How many may wait their turn; one more is refused (429). */
  maxWaiting: number;
}

/** Generous for a person or a monitoring script; a loop of calls gets a trickle. */
export const PUBLIC_PACE: PaceOptions = { perSecond: 20, burst: 40, maxWaiting: 200 };

/** Addresses remembered before the ones that have caught up are forgotten. */
const PRUNE_AT = 10_000;

/**
 * Per-address pacing in the virtual-scheduling form of a token bucket (GCRA): an address may start `burst`
 * requests at once and `perSecond` a second after that; a request over the pace waits its turn rather than being
 * refused, so a client calling in a loop slows itself down instead of taking the server's capacity.
 */
export class Pacer {
  readonly #interval: number;
  readonly #tolerance: number;
  readonly #maxDelay: number;
  /** Per address: when its next request would be on pace (theoretical arrival time, ms). */
  readonly #due = new Map<string, number>();

  constructor({ perSecond, burst, maxWaiting }: PaceOptions) {
    this.#interval = 1000 / perSecond;
    this.#tolerance = (burst - 1) * this.#interval;
    this.#maxDelay = maxWaiting * this.#interval;
  }

  /**
   * For a request from `key` arriving at `now`: the milliseconds it waits before it is served, or — when too many
   * wait already — it is refused, and how long until one more could wait.
   */
  schedule(key: string, now: number): { wait: number } | { refusedFor: number } {
    const due = Math.max(this.#due.get(key) ?? now, now);
    const wait = Math.max(0, due - this.#tolerance - now);
    if (wait > this.#maxDelay) return { refusedFor: wait - this.#maxDelay };
    if (this.#due.size >= PRUNE_AT) this.#prune(now);
    this.#due.set(key, due + this.#interval);
    return { wait };
  }

  #prune(now: number) {
    for (const [key, due] of this.#due) if (due <= now) this.#due.delete(key);
  }
}

/**
 * Paces the public API (`/api/v1/public/…`, no session needed) per address before any database work: the public
 * chain check, receipts and boards are there for anyone, so anyone calling them in a loop must not slow the
 * neighbourhood's own work, voting first.
 */
export function pacePublic(options: PaceOptions) {
  const pacer = new Pacer(options);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (!c.req.path.startsWith('/api/v1/public/')) return next();
    const turn = pacer.schedule(clientIp(c), performance.now());
    if ('refusedFor' in turn)
      throw new AppError('rate_limited', { retryAfter: Math.max(1, Math.ceil(turn.refusedFor / 1000)) });
    if (turn.wait > 0) await new Promise((resolve) => setTimeout(resolve, turn.wait));
    await next();
  });
}
