import { ERROR_CATALOGUE, errorTitle, type ErrorCode, type Locale, type Problem } from '@city/contracts';
import { AppError, validationError } from '@city/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { PluginError, ScopeNotGranted } from '@city/plugin-sdk';
import type { AppEnv } from '../env.ts';

export function problemBody(error: AppError, locale: Locale, instance?: string): Problem {
  return {
    type: `/problems/${error.code}`,
    title: errorTitle(error.code, locale),
    status: ERROR_CATALOGUE[error.code].status,
    code: error.code,
    ...(error.detail ? { detail: error.detail[locale] } : {}),
    ...(instance ? { instance } : {}),
    ...(error.fields
      ? { errors: error.fields.map((f) => ({ path: f.path, code: f.code, message: f.message[locale] })) }
      : {}),
    ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
  };
}

export function problemResponse(c: Context<AppEnv>, error: AppError | PluginError): Response {
  const locale = c.get('locale') ?? 'zh-CN';
  const instance = new URL(c.req.url).pathname;
  const body =
    error instanceof PluginError ? pluginProblemBody(error, locale, instance) : problemBody(error, locale, instance);
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (body.retryAfter !== undefined) headers['retry-after'] = String(body.retryAfter);
  c.header('content-language', locale);
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, headers);
}

/** A plugin's own error: its code is namespaced by the plugin and its titles come from the plugin's catalogue. */
function pluginProblemBody(error: PluginError, locale: Locale, instance: string): Problem {
  return {
    type: `/problems/${error.code}`,
    title: error.title[locale],
    status: error.status,
    code: error.code,
    ...(error.detail ? { detail: error.detail[locale] } : {}),
    instance,
  };
}

/** The OpenAPI validators' hook: every failed validation becomes a localised 400 problem. */
export const validationHook = (result: { success: true } | { success: false; error: ZodError }, c: Context<AppEnv>) => {
  if (!result.success) return problemResponse(c, validationError(result.error));
  return undefined;
};

const HTTP_STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'malformed_body',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Never a stack trace to the client; unknown failures are logged and answered as a generic 500. */
export function onError(err: Error, c: Context<AppEnv>): Response {
  if (err instanceof AppError || err instanceof PluginError) return problemResponse(c, err);
  // A plugin called a capability its neighbourhood did not grant (plugin-sdk's typed error).
  if (err instanceof ScopeNotGranted)
    return problemResponse(c, new AppError('scope_not_granted', { detail: { 'zh-CN': err.scope, en: err.scope } }));
  if (err instanceof HTTPException) {
    const code = HTTP_STATUS_CODES[err.status];
    if (code) return problemResponse(c, new AppError(code));
  }
  console.error('[api] unhandled error', c.req.method, new URL(c.req.url).pathname, err);
  return problemResponse(c, new AppError('internal'));
}
