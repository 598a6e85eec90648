import { hc } from 'hono/client';
import type { AppType } from './app.ts';

/**
 * The typed API client (Hono RPC). The type is computed here once, so editors and svelte-check do not re-infer
 * the whole app at every call site.
 */
export type ApiClient = ReturnType<typeof hc<AppType>>;

export const createApiClient = (...args: Parameters<typeof hc>): ApiClient => hc<AppType>(...args);
