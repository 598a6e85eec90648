import type { Limit } from '@city/auth';
import { AppError } from '@city/core';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { clientIp } from './request-meta.ts';

/** A per-caller attempt limit on one route: counted per signed-in person, else per address. */
export interface RouteLimit {
  bucket: string;
  limit: Limit;
}

export function rateLimit({ bucket, limit }: RouteLimit) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const who = c.get('actor')?.id ?? `ip:${clientIp(c)}`;
    const decision = await c.get('services').limiter.consume(`${bucket}:${who}`, limit);
    if (!decision.allowed) throw new AppError('rate_limited', { retryAfter: decision.retryAfter });
    await next();
  });
}
