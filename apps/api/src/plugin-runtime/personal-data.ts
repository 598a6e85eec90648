import type { DataSubject } from '@city/contracts';
import { AppError, type PluginPersonalData, type Services, type StaffRef, type TenantRef } from '@city/core';
import { schema, type Tx } from '@city/db';
import { PluginError, ScopeNotGranted } from '@city/plugin-sdk';
import type { OrganisationContext, PersonalDataHooks, PluginServer } from '@city/plugin-sdk/server';
import type { PluginCatalogue } from './catalogue.ts';
import { asOrganisation, asPlugin, databaseRole, pluginContext } from './context.ts';
import type { PluginMemory } from './memory.ts';

/**
 * The plugins' side of a person's export and erasure (the core's PluginPersonalData): in one neighbourhood's
 * transaction, each plugin installed there whose data is kept (enabled, disabled or uninstalled — a purge deletes the
 * install with the data) runs its `personalData` hook as itself, with the scopes the neighbourhood granted it; and for
 * a business's staff, each plugin's `staff` hook runs in the business's own transaction.
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

  async exportStaff(staff: StaffRef, subject: DataSubject) {
    const sections: Record<string, unknown> = {};
    for (const plugin of this.catalogue.all()) {
      const hooks = plugin.personalData?.staff;
      if (!hooks) continue;
      sections[plugin.manifest.id] = await this.asStaff(plugin, staff, (ctx) => hooks.export(ctx, subject));
    }
    return sections;
  }

  async eraseStaff(staff: StaffRef, subject: DataSubject) {
    for (const plugin of this.catalogue.all()) {
      const hooks = plugin.personalData?.staff;
      if (hooks) await this.asStaff(plugin, staff, (ctx) => hooks.erase(ctx, subject));
    }
  }

  /** Every plugin with a staff hook runs for every business: a business's rows exist only where it worked. */
  private asStaff<T>(plugin: PluginServer, staff: StaffRef, run: (ctx: OrganisationContext) => Promise<T>) {
    return failureNamed(plugin, () =>
      asOrganisation(
        this.services,
        plugin,
        // Someone who left holds no role; hooks act on the rows that name them, never on a role.
        { organisation: staff.organisation, actor: { ...staff.person, role: staff.person.role ?? 'staff' } },
        run,
      ),
    );
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
      await failureNamed(plugin, () => asPlugin(tx, role, () => run(plugin, hooks, ctx)));
    }
  }
}

/** A hook's own refusals pass through; anything else is reported as that plugin's failure, by name. */
async function failureNamed<T>(plugin: PluginServer, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError || error instanceof PluginError || error instanceof ScopeNotGranted) throw error;
    console.error(`[plugins] ${plugin.manifest.id} personal-data hook failed`, error);
    throw new AppError('plugin_failed', {
      detail: { 'zh-CN': plugin.manifest.name['zh-CN'], en: plugin.manifest.name.en },
    });
  }
}
