import type { Narrow, Services } from '@city/core';
import { schema } from '@city/db';
import { eq } from 'drizzle-orm';
import type { PluginCatalogue } from './catalogue.ts';
import type { PluginMemory } from './memory.ts';
import { findEnabledInstall, pluginMembers } from './actors.ts';
import { asPlugin, databaseRole, pluginContext } from './context.ts';

/**
 * The plugins' say on who still needs one of their notifications when it goes out (their `notificationRecipients`),
 * for the notifier: in the batch's transaction, as the plugin, with the batch's members and the owners each is
 * verified as already read (one round trip). A plugin disabled meanwhile notifies nobody.
 */
export function notificationRecipients(catalogue: PluginCatalogue, services: Services, memory: PluginMemory): Narrow {
  return async (tx, cause, userIds) => {
    const plugin = catalogue.get(cause.source);
    const name = cause.kind.slice(cause.source.length + 1);
    const decide = plugin?.notificationRecipients?.[name];
    if (!plugin || !decide) return null;
    const installed = await findEnabledInstall(tx, plugin.manifest.id, null);
    if (!installed) return [];
    const [tenant] = await tx
      .select({ id: schema.tenants.id, slug: schema.tenants.slug, name: schema.tenants.name })
      .from(schema.tenants)
      .where(eq(schema.tenants.id, cause.tenantId));
    const { ownerIdsByUser } = await pluginMembers(
      tx,
      plugin.manifest.id,
      userIds.map((id) => ({ id, displayName: '' })),
    );
    const role = databaseRole(plugin);
    const context = pluginContext({
      tx,
      services,
      memory,
      plugin: { id: plugin.manifest.id, version: installed.install.version, role },
      tenant: tenant!,
      actor: null,
      ownerIdsByUser,
      grantedScopes: installed.install.grantedScopes,
      settings: installed.install.settings,
    });
    return asPlugin(tx, role, () => decide(context as never, cause.key, userIds));
  };
}
