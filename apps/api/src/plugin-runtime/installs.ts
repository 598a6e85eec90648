import { satisfies } from 'semver';
import { SCOPES } from '@city/contracts';
import {
  AppError,
  audit,
  dropProfileBadges,
  fieldError,
  validationError,
  type AuditContext,
  type Services,
} from '@city/core';
import { isUniqueViolation, schema, type Tx } from '@city/db';
import { PluginError, ScopeNotGranted } from '@city/plugin-sdk';
import type { PluginServer } from '@city/plugin-sdk/server';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { z } from '@hono/zod-openapi';
import { CORE_VERSION, type PluginCatalogue } from './catalogue.ts';
import { asPlugin, databaseRole, pluginContext } from './context.ts';
import type { PluginMemory } from './memory.ts';
import type { PluginVersions } from './versions.ts';

const installs = schema.pluginInstalls;
type InstallRow = typeof installs.$inferSelect;
type Tenant = { id: string; slug: string; name: string };
export type InstallContext = AuditContext & { tenant: Tenant };

/** Settings checked against the plugin's schema; field errors come back localised by the API's validation hook. */
function parseSettings(plugin: PluginServer, settings: unknown) {
  const parsed = plugin.manifest.settings.safeParse(settings ?? {});
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data as Record<string, unknown>;
}

function sameScopes(granted: readonly string[], asked: readonly string[]) {
  return granted.length === asked.length && asked.every((s) => granted.includes(s));
}

/**
 * Per-neighbourhood plugin lifecycle: install (scopes granted, settings validated, requirements met), settings,
 * enable/disable, upgrade (its hook once, in the transaction), uninstall (data kept) and purge. Every step runs in
 * the admin's request transaction and is written to the audit trail.
 */
export class PluginInstalls {
  private readonly catalogue: PluginCatalogue;
  private readonly versions: PluginVersions;
  private readonly services: Services;

  private readonly memory: PluginMemory;

  constructor(catalogue: PluginCatalogue, versions: PluginVersions, services: Services, memory: PluginMemory) {
    this.catalogue = catalogue;
    this.versions = versions;
    this.services = services;
    this.memory = memory;
  }

  /** The catalogue as one neighbourhood sees it: every plugin, its availability and this neighbourhood's install. */
  async marketplace(tx: Tx) {
    const rows = await tx.select().from(installs);
    const withdrawn = await this.withdrawnVersions(tx);
    return this.catalogue.all().map((plugin) => {
      const install = rows.find((r) => r.pluginId === plugin.manifest.id) ?? null;
      return this.view(plugin, install, withdrawn);
    });
  }

  async detail(tx: Tx, pluginId: string) {
    const plugin = this.plugin(pluginId);
    const [install] = await tx.select().from(installs).where(eq(installs.pluginId, pluginId));
    const deliveries = await tx
      .select({
        id: schema.pluginDeliveries.id,
        event: schema.pluginEvents.name,
        status: schema.pluginDeliveries.status,
        attempts: schema.pluginDeliveries.attempts,
        lastError: schema.pluginDeliveries.lastError,
        nextAttemptAt: schema.pluginDeliveries.nextAttemptAt,
      })
      .from(schema.pluginDeliveries)
      .innerJoin(schema.pluginEvents, eq(schema.pluginEvents.id, schema.pluginDeliveries.eventId))
      .where(and(eq(schema.pluginDeliveries.pluginId, pluginId), ne(schema.pluginDeliveries.status, 'done')))
      .limit(50);
    return { ...this.view(plugin, install ?? null, await this.withdrawnVersions(tx)), deliveries };
  }

  /** The enabled plugins as one member sees them: their roles in each, and the entries their roles admit. */
  async navigation(tx: Tx, userId: string, roles: readonly string[]) {
    const rows = await tx.select().from(installs).where(eq(installs.status, 'enabled'));
    const grants = await tx.select().from(schema.pluginRoleGrants).where(eq(schema.pluginRoleGrants.userId, userId));
    return rows.flatMap((row) => {
      const plugin = this.catalogue.get(row.pluginId);
      if (!plugin) return [];
      const { manifest } = plugin;
      const myRoles = grants.filter((g) => g.pluginId === row.pluginId).map((g) => g.role);
      const entries = (manifest.navigation ?? [])
        .filter((entry) => !entry.roles || entry.roles.some((r) => roles.includes(r) || myRoles.includes(r)))
        .map(({ path, label, icon }) => ({ path, label, icon: icon ?? manifest.icon }));
      return [{ id: manifest.id, name: manifest.name, icon: manifest.icon, myRoles, entries }];
    });
  }

  /** The enabled plugins that offer pages to an audience outside the membership (anyone, or supervisors). */
  async offering(tx: Tx, audience: 'public' | 'supervision') {
    const rows = await tx.select({ pluginId: installs.pluginId }).from(installs).where(eq(installs.status, 'enabled'));
    return rows.flatMap(({ pluginId }) => {
      const plugin = this.catalogue.get(pluginId);
      const offered = audience === 'public' ? plugin?.publicRoutes : plugin?.supervisionRoutes;
      return plugin && offered
        ? [{ id: plugin.manifest.id, name: plugin.manifest.name, icon: plugin.manifest.icon }]
        : [];
    });
  }

  async install(
    tx: Tx,
    context: InstallContext,
    pluginId: string,
    input: { grantedScopes: string[]; settings?: unknown },
  ) {
    const plugin = this.plugin(pluginId);
    const { manifest } = plugin;
    const [existing] = await tx.select().from(installs).where(eq(installs.pluginId, pluginId)).for('update');
    if (existing && existing.status !== 'uninstalled') throw new AppError('plugin_state');
    if (
      (await this.withdrawnVersions(tx)).has(`${pluginId}@${manifest.version}`) ||
      !satisfies(CORE_VERSION, manifest.coreRange)
    ) {
      throw new AppError('plugin_unavailable');
    }
    if (!sameScopes(input.grantedScopes, manifest.scopes)) throw new AppError('scopes_required');
    await this.requireDependencies(tx, plugin);
    const settings = parseSettings(plugin, input.settings);
    const values = {
      version: manifest.version,
      status: 'enabled' as const,
      grantedScopes: [...manifest.scopes],
      settings,
      installedBy: context.actor.id!,
      installedAt: context.at,
      updatedAt: context.at,
    };
    const [row] = existing
      ? await tx.update(installs).set(values).where(eq(installs.id, existing.id)).returning()
      : await this.insertOnce(tx, { ...values, tenantId: context.tenantId, pluginId });
    await this.hook(tx, context, plugin, row!, (ctx) => plugin.lifecycle?.install?.(ctx));
    await audit(tx, context, {
      action: 'plugin.installed',
      targetType: 'plugin',
      targetId: pluginId,
      details: { version: manifest.version, scopes: [...manifest.scopes] },
    });
    return this.detail(tx, pluginId);
  }

  /** The plugin's sample data, for the demo district of `npm start` (right after installing it there). */
  async fillDemo(tx: Tx, context: InstallContext, pluginId: string) {
    const plugin = this.plugin(pluginId);
    const row = await this.lock(tx, pluginId, ['enabled']);
    await this.hook(tx, context, plugin, row, (ctx) => plugin.lifecycle?.demo?.(ctx));
  }

  async updateSettings(tx: Tx, context: InstallContext, pluginId: string, settings: unknown) {
    const plugin = this.plugin(pluginId);
    const row = await this.lock(tx, pluginId, ['enabled', 'disabled']);
    const parsed = parseSettings(plugin, settings);
    await tx.update(installs).set({ settings: parsed, updatedAt: context.at }).where(eq(installs.id, row.id));
    const changed = Object.keys(parsed).filter((k) => JSON.stringify(parsed[k]) !== JSON.stringify(row.settings[k]));
    await audit(tx, context, {
      action: 'plugin.settings_changed',
      targetType: 'plugin',
      targetId: pluginId,
      details: { changed },
    });
    return this.detail(tx, pluginId);
  }

  async setEnabled(tx: Tx, context: InstallContext, pluginId: string, enabled: boolean) {
    const row = await this.lock(tx, pluginId, [enabled ? 'disabled' : 'enabled']);
    if (enabled) await this.requireDependencies(tx, this.plugin(pluginId));
    else await this.refuseIfRequired(tx, pluginId);
    await tx
      .update(installs)
      .set({ status: enabled ? 'enabled' : 'disabled', updatedAt: context.at })
      .where(eq(installs.id, row.id));
    // Its waiting events wait with it, and are delivered once it is enabled again.
    const deliveries = schema.pluginDeliveries;
    await tx
      .update(deliveries)
      .set(enabled ? { status: 'pending', nextAttemptAt: context.at } : { status: 'paused' })
      .where(and(eq(deliveries.pluginId, pluginId), eq(deliveries.status, enabled ? 'paused' : 'pending')));
    if (enabled) this.services.events.touch(context.tenantId);
    await audit(tx, context, {
      action: enabled ? 'plugin.enabled' : 'plugin.disabled',
      targetType: 'plugin',
      targetId: pluginId,
      details: {},
    });
    return this.detail(tx, pluginId);
  }

  /** Moves to the catalogue's version; the plugin's upgrade hook runs once, inside this transaction. */
  async upgrade(tx: Tx, context: InstallContext, pluginId: string, grantedScopes: string[]) {
    const plugin = this.plugin(pluginId);
    const row = await this.lock(tx, pluginId, ['enabled', 'disabled']);
    const to = plugin.manifest.version;
    if (!satisfies(to, `>${row.version}`)) throw new AppError('plugin_state');
    if ((await this.withdrawnVersions(tx)).has(`${pluginId}@${to}`)) throw new AppError('plugin_unavailable');
    if (!sameScopes(grantedScopes, plugin.manifest.scopes)) throw new AppError('scopes_required');
    await this.requireDependencies(tx, plugin);
    const [updated] = await tx
      .update(installs)
      .set({
        version: to,
        grantedScopes: [...plugin.manifest.scopes],
        settings: parseSettings(plugin, row.settings),
        updatedAt: context.at,
      })
      .where(eq(installs.id, row.id))
      .returning();
    await this.hook(tx, context, plugin, updated!, (ctx) => plugin.lifecycle?.upgrade?.(ctx, row.version));
    await audit(tx, context, {
      action: 'plugin.upgraded',
      targetType: 'plugin',
      targetId: pluginId,
      details: { from: row.version, to },
    });
    return this.detail(tx, pluginId);
  }

  /** The plugin stops answering (404) here; its data stays until a purge. */
  async uninstall(tx: Tx, context: InstallContext, pluginId: string) {
    const plugin = this.plugin(pluginId);
    const row = await this.lock(tx, pluginId, ['enabled', 'disabled']);
    await this.refuseIfRequired(tx, pluginId);
    await this.hook(tx, context, plugin, row, (ctx) => plugin.lifecycle?.uninstall?.(ctx));
    await tx.update(installs).set({ status: 'uninstalled', updatedAt: context.at }).where(eq(installs.id, row.id));
    // Events still waiting for it are dropped: they go to installed plugins only.
    const deliveries = schema.pluginDeliveries;
    await tx
      .delete(deliveries)
      .where(and(eq(deliveries.pluginId, pluginId), inArray(deliveries.status, ['pending', 'paused'])));
    await audit(tx, context, {
      action: 'plugin.uninstalled',
      targetType: 'plugin',
      targetId: pluginId,
      details: { version: row.version },
    });
    return this.detail(tx, pluginId);
  }

  /** Deletes the plugin's data for this neighbourhood, after uninstalling, with the plugin's id typed as confirmation. */
  async purge(tx: Tx, context: InstallContext, pluginId: string, confirm: string) {
    const plugin = this.plugin(pluginId);
    if (confirm !== pluginId) throw fieldError('confirm', 'plugin_confirm');
    const row = await this.lock(tx, pluginId, ['uninstalled']);
    await this.hook(tx, context, plugin, row, (ctx) => plugin.lifecycle?.purge?.(ctx));
    const deliveries = schema.pluginDeliveries;
    await tx.delete(deliveries).where(eq(deliveries.pluginId, pluginId));
    await tx.delete(schema.pluginRoleGrants).where(eq(schema.pluginRoleGrants.pluginId, pluginId));
    await dropProfileBadges(tx, pluginId);
    await tx.delete(installs).where(eq(installs.id, row.id));
    await audit(tx, context, {
      action: 'plugin.purged',
      targetType: 'plugin',
      targetId: pluginId,
      details: { version: row.version },
    });
  }

  /** Two admins installing at once: the unique index lets one through, the other is told it is installed already. */
  private async insertOnce(tx: Tx, values: typeof installs.$inferInsert) {
    try {
      return await tx.insert(installs).values(values).returning();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('plugin_state');
      throw error;
    }
  }

  private plugin(pluginId: string) {
    const plugin = this.catalogue.get(pluginId);
    if (!plugin) throw new AppError('not_found');
    return plugin;
  }

  private async lock(tx: Tx, pluginId: string, states: InstallRow['status'][]) {
    const [row] = await tx.select().from(installs).where(eq(installs.pluginId, pluginId)).for('update');
    if (!row) throw new AppError('not_found');
    if (!states.includes(row.status)) throw new AppError('plugin_state');
    return row;
  }

  private async requireDependencies(tx: Tx, plugin: PluginServer) {
    const required = Object.entries(plugin.manifest.requires ?? {});
    if (!required.length) return;
    const rows = await tx
      .select()
      .from(installs)
      .where(
        and(
          inArray(
            installs.pluginId,
            required.map(([id]) => id),
          ),
          eq(installs.status, 'enabled'),
        ),
      );
    const missing = required.filter(
      ([id, range]) => !rows.some((r) => r.pluginId === id && satisfies(r.version, range)),
    );
    if (missing.length) {
      const names = missing
        .map(([id, range]) => `${this.catalogue.get(id)?.manifest.name['zh-CN'] ?? id} ${range}`)
        .join('、');
      const namesEn = missing
        .map(([id, range]) => `${this.catalogue.get(id)?.manifest.name.en ?? id} ${range}`)
        .join(', ');
      throw new AppError('plugin_requires', {
        detail: { 'zh-CN': `请先安装：${names}`, en: `Install first: ${namesEn}` },
      });
    }
  }

  private async refuseIfRequired(tx: Tx, pluginId: string) {
    const rows = await tx.select().from(installs).where(eq(installs.status, 'enabled'));
    const dependants = rows.filter(
      (r) => r.pluginId !== pluginId && this.catalogue.get(r.pluginId)?.manifest.requires?.[pluginId],
    );
    if (dependants.length) throw new AppError('plugin_required_by');
  }

  /**
   * Runs a lifecycle hook as the plugin, with its granted scopes, in the caller's transaction. A hook that fails
   * fails the whole step (the transaction rolls back); the admin is told the plugin failed and nothing changed.
   */
  private async hook(
    tx: Tx,
    context: InstallContext,
    plugin: PluginServer,
    row: InstallRow,
    fn: (ctx: ReturnType<typeof pluginContext>) => Promise<void> | undefined,
  ) {
    const ctx = pluginContext({
      tx,
      services: this.services,
      memory: this.memory,
      plugin: { id: plugin.manifest.id, version: row.version, role: databaseRole(plugin) },
      tenant: context.tenant,
      actor: null,
      grantedScopes: row.grantedScopes,
      settings: row.settings,
    });
    try {
      await asPlugin(tx, databaseRole(plugin), async () => {
        await fn(ctx);
      });
    } catch (error) {
      if (error instanceof AppError || error instanceof PluginError || error instanceof ScopeNotGranted) throw error;
      console.error(`[plugins] ${plugin.manifest.id} hook failed`, error);
      throw new AppError('plugin_failed', {
        detail: { 'zh-CN': plugin.manifest.name['zh-CN'], en: plugin.manifest.name.en },
      });
    }
  }

  /** Withdrawn versions (`<id>@<version>`) with the operator's reason. */
  private async withdrawnVersions(tx: Tx) {
    const rows = await this.versions.withdrawn(tx);
    return new Map(rows.map((r) => [`${r.pluginId}@${r.version}`, r.reason]));
  }

  private view(plugin: PluginServer, install: InstallRow | null, withdrawn: Map<string, string | null>) {
    const { manifest } = plugin;
    return {
      id: manifest.id,
      version: manifest.version,
      name: manifest.name,
      description: manifest.description,
      icon: manifest.icon,
      category: manifest.category,
      publisher: manifest.publisher,
      requires: manifest.requires ?? {},
      scopes: manifest.scopes.map((id) => ({ id, description: SCOPES[id] })),
      roles: (manifest.roles ?? []).map(({ id, name, description }) => ({ id, name, description })),
      settingsSchema: z.toJSONSchema(manifest.settings, { io: 'input' }) as Record<string, unknown>,
      settingsText: manifest.settingsText ?? {},
      available: !withdrawn.has(`${manifest.id}@${manifest.version}`) && satisfies(CORE_VERSION, manifest.coreRange),
      install: install
        ? {
            version: install.version,
            status: install.status,
            grantedScopes: install.grantedScopes,
            settings: install.settings,
            installedAt: install.installedAt,
            upgradeAvailable: satisfies(manifest.version, `>${install.version}`),
            versionWithdrawn: withdrawn.has(`${manifest.id}@${install.version}`),
            withdrawnReason: withdrawn.get(`${manifest.id}@${install.version}`) ?? null,
          }
        : null,
    };
  }
}
