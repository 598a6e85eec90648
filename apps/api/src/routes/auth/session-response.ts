import { SESSION_COOKIE, sessionCookieOptions, type IssuedSession } from '@city/auth';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.ts';

/** Sets the session cookie for browsers and returns the body API clients read the bearer token from. */
export async function issueSession(c: Context<AppEnv>, session: IssuedSession) {
  const secure = c.get('services').secureCookies;
  setCookie(c, SESSION_COOKIE, session.token, sessionCookieOptions(secure, session.expiresAt));
  const validated = await c.get('services').sessions.validate(session.token);
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: validated!.user };
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
