import { createServices, type CoreDeps } from '@city/core';
import type { DatabaseKind } from '@city/db';
import type { PluginManifest } from '@city/plugin-sdk';

/** Everything the app is built from; entries (Node, edge, tests) construct these, the app creates nothing global. */
export interface AppDeps extends CoreDeps {
  databaseKind: DatabaseKind;
  plugins: readonly PluginManifest[];
  /** Other origins allowed to send cookie-authenticated writes (e.g. the portal's dev server). */
  trustedOrigins?: readonly string[];
}

export function createApiServices(deps: AppDeps) {
  return {
    ...createServices(deps),
    databaseKind: deps.databaseKind,
    plugins: deps.plugins,
    secureCookies: deps.publicUrl.startsWith('https://'),
  };
}

export type ApiServices = ReturnType<typeof createApiServices>;
