import type { Services } from '@city/core';
import type { PluginServer } from '@city/plugin-sdk/server';
import { PluginCatalogue } from './catalogue.ts';
import { EventDispatcher } from './dispatcher.ts';
import { GroupCommitter } from './groups.ts';
import { PluginInstalls } from './installs.ts';
import { PluginMemory } from './memory.ts';
import { notificationRecipients } from './notification-recipients.ts';
import { PluginPersonalDataHooks } from './personal-data.ts';
import { PluginRoles } from './roles.ts';
import { PluginTodos } from './todos.ts';
import { PluginVersions } from './versions.ts';

/**
 * The plugin runtime of one app: the catalogue and its version status, per-neighbourhood installs and roles, events,
 * grouped writes, the plugins' part of people's data exports and erasures, and what plugins remember between requests.
 */
export function createPluginRuntime(plugins: readonly PluginServer[], services: Services) {
  const catalogue = new PluginCatalogue(plugins);
  const versions = new PluginVersions(services.db, services.clock);
  const memory = new PluginMemory();
  const dispatcher = new EventDispatcher(catalogue, services, memory);
  services.notifier.narrowWith(notificationRecipients(catalogue, services, memory));
  return {
    catalogue,
    versions,
    installs: new PluginInstalls(catalogue, versions, services, memory),
    roles: new PluginRoles(catalogue),
    dispatcher,
    groups: new GroupCommitter(services, dispatcher, memory),
    personalData: new PluginPersonalDataHooks(catalogue, services, memory),
    todos: new PluginTodos(catalogue, services, memory),
    memory,
  };
}
