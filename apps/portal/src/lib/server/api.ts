import { API_ORIGIN } from '$app/env/private';
import { createApiClient } from '@city/api/client';
import { pluginApiPath, type PluginAudience } from '@city/plugin-sdk/links';
import { pluginClient, type SuccessBody } from '@city/plugin-sdk/portal';
import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Hono } from 'hono';

export const SESSION_COOKIE = 'cl_session';

/**
 * The typed API client for one request: it carries the visitor's session as a bearer token, their language and
 * their address (for the API's rate limits). The portal never talks to the database itself.
 * It uses the network fetch, not SvelteKit's event.fetch: when the API shares the page's origin (the combined
 * server), event.fetch would route `/api/...` back into SvelteKit instead of to the API.
 */
export function apiFor(event: Pick<RequestEvent, 'cookies' | 'locals' | 'getClientAddress'>) {
  return createApiClient(API_ORIGIN, { fetch: globalThis.fetch, headers: apiHeaders(event) });
}

/** What every API request of a visitor carries (also used by plugin pages' own clients). */
export function apiHeaders(
  event: Pick<RequestEvent, 'cookies' | 'locals' | 'getClientAddress'>,
): Record<string, string> {
  const token = event.cookies.get(SESSION_COOKIE);
  return {
    'accept-language': event.locals.locale,
    'x-forwarded-for': event.getClientAddress(),
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** A plugin's API for one audience in one neighbourhood (or, for organisation pages, one organisation). */
export const pluginApiBase = (audience: PluginAudience, scope: string, pluginId: string) =>
  `${API_ORIGIN}${pluginApiPath(audience, scope, pluginId)}`;

/** A plugin's typed client for one visitor, rooted at the plugin's API for that audience in one neighbourhood. */
export function pluginClientFor<Api extends Hono<any, any, any>>(
  event: Pick<RequestEvent, 'cookies' | 'locals' | 'getClientAddress'>,
  tenant: string,
  pluginId: string,
  audience: PluginAudience = 'member',
) {
  return pluginClient<Api>(pluginApiBase(audience, tenant, pluginId), {
    fetch: globalThis.fetch,
    headers: apiHeaders(event),
  });
}

/** The body of a successful API answer; any other answer becomes the portal's error page with its status. */
export async function okBody<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  res: R,
): Promise<SuccessBody<R>> {
  if (!res.ok) error(res.status >= 400 && res.status < 600 ? res.status : 502, 'API error');
  return (await res.json()) as SuccessBody<R>;
}

export function setSession(cookies: Cookies, token: string, expiresAt: string, secure: boolean) {
  cookies.set(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: new Date(expiresAt),
  });
}

export function clearSession(cookies: Cookies) {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}
