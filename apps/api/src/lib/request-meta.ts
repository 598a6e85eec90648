import type { AuditContext, RequestMeta } from '@city/core';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/** What the Node listener (serveNode in node.ts) hands each request, besides Node's own request. */
export interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
  /** The combined server (`npm start`): a connection from loopback is our own portal, one hop that names its visitor. */
  portalOnLoopback?: boolean;
}

/**
 * The address `hops` trusted proxies from us, in a chain ordered as it travelled (X-Forwarded-For's entries, then
 * the peer that connected): each proxy of ours appended the address it saw, so the client is the entry just before
 * the last `hops` — counted from the right, where a client cannot write. Entries a client prepends are never reached.
 * A chain shorter than that (a request that bypassed the proxies) gives its furthest entry.
 */
export function addressFromChain(chain: readonly string[], hops: number): string {
  return chain[Math.max(0, chain.length - 1 - hops)] ?? 'unknown';
}

export function forwardedChain(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

/**
 * `text` as one IP address, v4 or v6, written the one way (v6 as a URL host writes it: lower case, zeros compressed),
 * so a setting and a header that spell an address differently still match; undefined if it is anything else (a
 * name, a range, a port).
 */
export function ipAddress(text: string): string | undefined {
  if (IPV4.test(text)) return text;
  // Only hex digits, colons and dots reach the URL parser: nothing there can end the brackets early.
  if (!text.includes(':') || !/^[\da-f:.]+$/i.test(text)) return undefined;
  try {
    return new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return undefined;
  }
}

/**
 * The caller's address for rate limits and pacing: TRUST_PROXY hops back along X-Forwarded-For (default 0, the
 * peer itself, X-Forwarded-For ignored). The peer is the socket's address on Node; on edge runtimes, which have no
 * socket, the address the platform vouches for (cf-connecting-ip), and in `app.request` (tests) none, so a test kit
 * with one trusted hop names its caller in X-Forwarded-For. A peer that is our own proxy naming its visitor counts
 * as one hop at least: the portal over loopback on the combined Node server, or a listed `trustedPeers` address (the
 * Worker's TRUSTED_PROXIES: the portal host calling it); any other peer cannot pick its address.
 */
export function clientIp(c: Context<AppEnv>): string {
  const bindings = c.env as NodeBindings | undefined;
  const socket = bindings?.incoming?.socket?.remoteAddress;
  const peer = socket ?? c.req.header('cf-connecting-ip') ?? 'unknown';
  const { trustProxy, trustedPeers } = c.get('services');
  const portal = bindings?.portalOnLoopback && socket && LOOPBACK.test(socket);
  const listed = trustedPeers.size > 0 && trustedPeers.has(ipAddress(peer) ?? peer);
  const hops = portal || listed ? Math.max(trustProxy, 1) : trustProxy;
  return addressFromChain([...forwardedChain(c.req.header('x-forwarded-for')), peer], hops);
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
