import type { DevSmsSender } from '@city/auth';
import { createServices, type CoreDeps } from '@city/core';
import type { DatabaseKind } from '@city/db';
import type { PluginServer } from '@city/plugin-sdk/server';
import type { PaceOptions } from './lib/pacing.ts';
import { createPluginRuntime } from './plugin-runtime/runtime.ts';

/** Everything the app is built from; entries (Node, edge, tests) construct these, the app creates nothing global. */
export interface AppDeps extends CoreDeps {
  databaseKind: DatabaseKind;
  plugins: readonly PluginServer[];
  /** Long-running servers deliver plugin events in the background (tests call the dispatcher themselves). */
  backgroundJobs?: boolean;
  /** Other origins allowed to send cookie-authenticated writes (e.g. the portal's dev server). */
  trustedOrigins?: readonly string[];
  /** How the public API is paced per address (default PUBLIC_PACE). */
  publicPace?: PaceOptions;
  /** Proxies of ours in front of the API (TRUST_PROXY, default 0): how the caller's address is read (request-meta.ts). */
  trustProxy?: number;
  /**
   * Addresses of our own proxies, as `ipAddress` (request-meta.ts) writes them: a peer among them names its caller in
   * X-Forwarded-For, one hop at least. The Worker's TRUSTED_PROXIES (the portal host), which has no TRUST_PROXY: a
   * hop count would let anyone who reaches the Worker pick their address.
   */
  trustedPeers?: readonly string[];
  /** The dev sender whose inbox `/api/v1/dev/sms` shows: development servers only; otherwise the route does not exist. */
  devInbox?: DevSmsSender;
}

export function createApiServices(deps: AppDeps) {
  const core = createServices(deps);
  for (const plugin of deps.plugins) {
    for (const [name, kind] of Object.entries(plugin.manifest.notifications ?? {}))
      core.notifications.kinds.add(`${plugin.manifest.id}.${name}`, kind);
  }
  return {
    ...core,
    databaseKind: deps.databaseKind,
    pluginRuntime: createPluginRuntime(deps.plugins, core),
    secureCookies: deps.publicUrl.startsWith('https://'),
    trustProxy: deps.trustProxy ?? 0,
    trustedPeers: new Set(deps.trustedPeers) as ReadonlySet<string>,
  };
}

export type ApiServices = ReturnType<typeof createApiServices>;
