import type { Services } from '@city/core';
import type { PluginServer } from '@city/plugin-sdk/server';
import { PluginCatalogue } from './catalogue.ts';
import { EventDispatcher } from './dispatcher.ts';
import { PluginInstalls } from './installs.ts';
import { PluginRoles } from './roles.ts';
import { PluginVersions } from './versions.ts';

/** The plugin runtime of one app: the catalogue and its version status, per-neighbourhood installs and roles, events. */
export function createPluginRuntime(plugins: readonly PluginServer[], services: Services) {
  const catalogue = new PluginCatalogue(plugins);
  const versions = new PluginVersions(services.db, services.clock);
  return {
    catalogue,
    versions,
    installs: new PluginInstalls(catalogue, versions, services),
    roles: new PluginRoles(catalogue),
    dispatcher: new EventDispatcher(catalogue, services),
  };
}

export type PluginRuntime = ReturnType<typeof createPluginRuntime>;
