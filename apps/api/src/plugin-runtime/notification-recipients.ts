import type { Narrow, Services } from '@city/core';
import { schema, type Tx } from '@city/db';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { anyOf } from '@city/db/arrays';
import type { PluginCatalogue } from './catalogue.ts';
import type { PluginMemory } from './memory.ts';
import { findEnabledInstall } from './actors.ts';
import { asPlugin, databaseRole, pluginContext } from './context.ts';

/**
 * The plugins' say on who still needs one of their notifications when it goes out (their `notificationRecipients`),
 * for the notifier: in the batch's transaction, as the plugin, with the owners each person is verified as already read
 * (one grouped query for the batch, so `registry.ownerIdsOf` answers from memory). A plugin disabled meanwhile
 * notifies nobody.
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
    const ownerIdsByUser = await ownersOf(tx, userIds);
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

/** The registry owners each of these people is verified as here, in one grouped query. */
async function ownersOf(tx: Tx, userIds: string[]): Promise<Map<string, string[]>> {
  const v = schema.verifications;
  const rows = await tx
    .select({ userId: v.userId, ownerIds: sql<string[]>`array_agg(distinct ${v.ownerId})` })
    .from(v)
    .where(and(anyOf(v.userId, userIds), eq(v.status, 'verified'), eq(v.relation, 'owner'), isNotNull(v.ownerId)))
    .groupBy(v.userId);
  const byUser = new Map(userIds.map((id) => [id, [] as string[]]));
  for (const row of rows) byUser.set(row.userId, row.ownerIds);
  return byUser;
}
