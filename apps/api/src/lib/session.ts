import { SESSION_COOKIE } from '@city/auth';
import { AppError } from '@city/core';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from `Authorization: Bearer <token>` (API clients) or the session cookie (the portal).
 * Cookie requests that change state must come from our own origin (CSRF, packages/auth/README.md); bearer tokens are not sent
 * by browsers on their own, so they need no such check.
 */
export function sessionMiddleware(options: { trustedOrigins: readonly string[] }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('actor', null);
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
    if (token) {
      const session = await c.get('services').sessions.validate(token);
      if (session) c.set('actor', { ...session.user, sessionId: session.id, via: bearer ? 'bearer' : 'cookie' });
    }
    await next();
  });
}
