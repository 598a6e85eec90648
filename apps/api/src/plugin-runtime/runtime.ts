import type { Services } from '@city/core';
import type { PluginServer } from '@city/plugin-sdk/server';
import { PluginCatalogue } from './catalogue.ts';
import { EventDispatcher } from './dispatcher.ts';
import { PluginInstalls } from './installs.ts';
import { PluginRoles } from './roles.ts';

/** The plugin runtime of one app: the catalogue, per-neighbourhood installs and roles, and event delivery. */
export function createPluginRuntime(plugins: readonly PluginServer[], services: Services) {
  const catalogue = new PluginCatalogue(plugins);
  return {
    catalogue,
    installs: new PluginInstalls(catalogue, services),
    roles: new PluginRoles(catalogue),
    dispatcher: new EventDispatcher(catalogue, services),
  };
}

export type PluginRuntime = ReturnType<typeof createPluginRuntime>;
