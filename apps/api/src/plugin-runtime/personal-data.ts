import type { DataSubject } from '@city/contracts';
import { AppError, type PluginPersonalData, type Services, type TenantRef } from '@city/core';
import { schema, type Tx } from '@city/db';
import { PluginError, ScopeNotGranted } from '@city/plugin-sdk';
import type { PersonalDataHooks, PluginServer } from '@city/plugin-sdk/server';
import type { PluginCatalogue } from './catalogue.ts';
import { asPlugin, databaseRole, pluginContext } from './context.ts';
import type { PluginMemory } from './memory.ts';

/**
 * The plugins' side of a person's export and erasure (the core's PluginPersonalData): in one neighbourhood's
 * transaction, each plugin installed there whose data is kept (enabled, disabled or uninstalled — a purge deletes the
 * install with the data) runs its `personalData` hook as itself, with the scopes the neighbourhood granted it.
 */
export class PluginPersonalDataHooks implements PluginPersonalData {
  private readonly catalogue: PluginCatalogue;
  private readonly services: Services;
  private readonly memory: PluginMemory;

  constructor(catalogue: PluginCatalogue, services: Services, memory: PluginMemory) {
    this.catalogue = catalogue;
    this.services = services;
    this.memory = memory;
  }

  async export(tx: Tx, tenant: TenantRef, subject: DataSubject) {
    const sections: Record<string, unknown> = {};
    await this.each(tx, tenant, async (plugin, hooks, ctx) => {
      sections[plugin.manifest.id] = await hooks.export(ctx, subject);
    });
    return sections;
  }

  async erase(tx: Tx, tenant: TenantRef, subject: DataSubject) {
    await this.each(tx, tenant, (_plugin, hooks, ctx) => hooks.erase(ctx, subject));
  }

  private async each(
    tx: Tx,
    tenant: TenantRef,
    run: (
      plugin: PluginServer,
      hooks: PersonalDataHooks<Record<string, unknown>>,
      ctx: ReturnType<typeof pluginContext>,
    ) => Promise<void>,
  ) {
    for (const install of await tx.select().from(schema.pluginInstalls).orderBy(schema.pluginInstalls.pluginId)) {
      const plugin = this.catalogue.get(install.pluginId);
      const hooks = plugin?.personalData as PersonalDataHooks<Record<string, unknown>> | undefined;
      if (!plugin || !hooks) continue;
      const role = databaseRole(plugin);
      const ctx = pluginContext({
        tx,
        services: this.services,
        memory: this.memory,
        plugin: { id: plugin.manifest.id, version: install.version, role },
        tenant,
        actor: null,
        grantedScopes: install.grantedScopes,
        settings: install.settings,
      });
      try {
        await asPlugin(tx, role, () => run(plugin, hooks, ctx));
      } catch (error) {
        if (error instanceof AppError || error instanceof PluginError || error instanceof ScopeNotGranted) throw error;
        console.error(`[plugins] ${plugin.manifest.id} personal-data hook failed`, error);
        throw new AppError('plugin_failed', {
          detail: { 'zh-CN': plugin.manifest.name['zh-CN'], en: plugin.manifest.name.en },
        });
      }
    }
  }
}
