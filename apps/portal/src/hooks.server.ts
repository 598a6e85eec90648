import { LOCALES, type Locale } from '@city/contracts';
import { PUBLIC_URL } from '$app/env/private';
import type { Handle, ServerInit } from '@sveltejs/kit/hooks';
import { apiFor, clearSession, SESSION_COOKIE } from '#lib/server/api.ts';
import { compressed } from '#lib/server/compress.ts';
import { DYNAMIC_ASSETS_FILE, inlineStyles, readDynamicAssets } from '#lib/server/dynamic-assets.ts';
import { servedOverHttps, withSecurityHeaders } from '#lib/server/security-headers.ts';

/** This module is built one folder below the server's output, where the browser build left its record of plugin pages. */
export const init: ServerInit = async () => {
  await readDynamicAssets(new URL('../' + DYNAMIC_ASSETS_FILE, import.meta.url));
};

export const LOCALE_COOKIE = 'locale';

const https = servedOverHttps(PUBLIC_URL);

function pickLocale(cookie: string | undefined, acceptLanguage: string | null): Locale {
  if (cookie && (LOCALES as readonly string[]).includes(cookie)) return cookie as Locale;
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

/**
 * Language first (cookie, else Accept-Language, else zh-CN), then who is signed in, asked of the API; every answer
 * (page, error page, endpoint, passed-through file) leaves with the security headers, rendered ones gzipped.
 */
export const handle: Handle = async ({ event, resolve }) => {
  event.locals.locale = pickLocale(event.cookies.get(LOCALE_COOKIE), event.request.headers.get('accept-language'));
  event.locals.me = null;
  if (event.cookies.get(SESSION_COOKIE)) {
    const res = await apiFor(event).api.v1.me.$get();
    if (res.ok) event.locals.me = await res.json();
    else if (res.status === 401) clearSession(event.cookies);
  }
  const response = await resolve(event, {
    transformPageChunk: ({ html }) =>
      inlineStyles(html.replace('%lang%', event.locals.locale), event.locals.pageStyles),
  });
  return compressed(event.request, withSecurityHeaders(response, https));
};
