import type { RouteLimit } from '@city/contracts/routes';
import { AppError } from '@city/core';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';
import { clientIp } from './request-meta.ts';
import { settleActor } from './session.ts';

/** A route's attempt limit: counted per signed-in person, else per address. */
export function rateLimit({ bucket, max, windowMs }: RouteLimit) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const who = (await settleActor(c))?.id ?? `ip:${clientIp(c)}`;
    const decision = await c.get('services').limiter.consume(`${bucket}:${who}`, { max, windowMs });
    if (!decision.allowed) throw new AppError('rate_limited', { retryAfter: decision.retryAfter });
    await next();
  });
}
