import type { AuditContext, RequestMeta } from '@city/core';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * The caller's address for rate limits. X-Forwarded-For is believed only from loopback (our own portal server
 * proxies for browsers); edge runtimes give the address in cf-connecting-ip.
 */
export function clientIp(c: Context<AppEnv>): string {
  const remote = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket
    ?.remoteAddress;
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (remote) return LOOPBACK.test(remote) && forwarded ? forwarded : remote;
  return c.req.header('cf-connecting-ip') ?? forwarded ?? 'unknown';
}

export function requestMeta(c: Context<AppEnv>): RequestMeta {
  return { ip: clientIp(c), userAgent: c.req.header('user-agent') ?? null, locale: c.get('locale') };
}

/** The signed-in caller; only for routes whose grants already required a session. */
export function actorOf(c: Context<AppEnv>) {
  const actor = c.get('actor');
  if (!actor) throw new Error('route reached without a session: its grants must exclude anonymous callers');
  return actor;
}

/** On tenant routes: who is acting, in which neighbourhood, now — for the audit entry of a governance write. */
export function auditContext(c: Context<AppEnv>): AuditContext {
  const actor = actorOf(c);
  return {
    tenantId: c.get('tenant').id,
    actor: { id: actor.id, displayName: actor.displayName },
    at: c.get('services').clock.now(),
  };
}
