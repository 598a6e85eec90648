import { AppError, audit, fieldError } from '@city/core';
import { schema, type Tx } from '@city/db';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { PluginCatalogue } from './catalogue.ts';
import type { InstallContext } from './installs.ts';

const grants = schema.pluginRoleGrants;
const members = schema.members;

/** The roles plugins add, given to members by the neighbourhood's admin while the plugin is installed. */
export class PluginRoles {
  private readonly catalogue: PluginCatalogue;

  constructor(catalogue: PluginCatalogue) {
    this.catalogue = catalogue;
  }

  /** Members holding any of the plugin's roles here. */
  async list(tx: Tx, pluginId: string) {
    await this.installed(tx, pluginId);
    const items = await tx
      .select({
        memberId: members.id,
        displayName: members.displayName,
        roles: sql<string[]>`array_agg(${grants.role} order by ${grants.role})`,
      })
      .from(grants)
      .innerJoin(members, eq(members.userId, grants.userId))
      .where(eq(grants.pluginId, pluginId))
      .groupBy(members.id, members.displayName)
      .orderBy(asc(members.displayName));
    return { items };
  }

  /** Replaces one member's roles in the plugin (an empty list takes them all away). */
  async set(tx: Tx, context: InstallContext, pluginId: string, memberId: string, roles: string[]) {
    const plugin = await this.installed(tx, pluginId);
    const own = (plugin.manifest.roles ?? []).map((r) => r.id);
    if (roles.some((role) => !own.includes(role))) throw fieldError('roles', 'plugin_role_unknown');
    const [member] = await tx.select().from(members).where(eq(members.id, memberId));
    if (!member) throw new AppError('not_found');
    const mine = and(eq(grants.pluginId, pluginId), eq(grants.userId, member.userId));
    const before = (await tx.select({ role: grants.role }).from(grants).where(mine)).map((r) => r.role);
    const removed = before.filter((r) => !roles.includes(r));
    const added = roles.filter((r) => !before.includes(r));
    if (removed.length) await tx.delete(grants).where(and(mine, inArray(grants.role, removed)));
    if (added.length) {
      await tx.insert(grants).values(
        added.map((role) => ({
          tenantId: context.tenantId,
          pluginId,
          userId: member.userId,
          role,
          grantedBy: context.actor.id!,
          grantedAt: context.at,
        })),
      );
    }
    if (removed.length || added.length) {
      await audit(tx, context, {
        action: 'plugin.roles_changed',
        targetType: 'user',
        targetId: member.userId,
        details: { plugin: pluginId, added, removed },
      });
    }
    return this.list(tx, pluginId);
  }

  private async installed(tx: Tx, pluginId: string) {
    const plugin = this.catalogue.get(pluginId);
    if (!plugin) throw new AppError('not_found');
    const [install] = await tx
      .select({ status: schema.pluginInstalls.status })
      .from(schema.pluginInstalls)
      .where(eq(schema.pluginInstalls.pluginId, pluginId));
    if (!install || install.status === 'uninstalled') throw new AppError('plugin_state');
    return plugin;
  }
}
