import { parseSessionToken, SESSION_COOKIE, type ValidSession } from '@city/auth';
import { AppError } from '@city/core';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { Actor, AppEnv } from '../env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds the session the request carries, from `Authorization: Bearer <token>` (API clients) or the session cookie (the
 * portal), without checking it yet: a request for a neighbourhood checks it as it enters (withTenantBySession, one
 * round trip for both), any other with settleActor(). Cookie requests that change state must come from our own
 * origin (CSRF, packages/auth/README.md); bearer tokens are not sent by browsers on their own, so they need no such
 * check.
 */
export function sessionMiddleware(options: { trustedOrigins: readonly string[] }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const cookie = bearer ? undefined : getCookie(c, SESSION_COOKIE);
    const token = bearer ?? cookie;
    if (cookie && !SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin');
      const own = new URL(c.req.url).origin;
      if (!origin || (origin !== own && !options.trustedOrigins.includes(origin))) {
        throw new AppError('csrf_rejected');
      }
    }
    const credential = token ? parseSessionToken(token) : null;
    c.set('credential', credential && { ...credential, via: bearer ? 'bearer' : 'cookie' });
    if (!credential) c.set('actor', null);
    await next();
  });
}

/** The request's caller from a checked session (null when it does not hold), recorded on the request. */
export function actorFrom<E extends AppEnv>(context: Context<E>, session: ValidSession | null): Actor | null {
  const c = context as unknown as Context<AppEnv>;
  const via = c.get('credential')?.via ?? 'bearer';
  const actor = session && { ...session.user, sessionId: session.id, via };
  c.set('actor', actor);
  c.set('credential', null);
  return actor;
}

/** The request's caller: its session checked now unless that has been done (entering a neighbourhood does it). */
export async function settleActor<E extends AppEnv>(context: Context<E>): Promise<Actor | null> {
  const c = context as unknown as Context<AppEnv>;
  const credential = c.get('credential');
  if (!credential) return c.get('actor') ?? null;
  return actorFrom(c, await c.get('services').sessions.check(credential));
}
