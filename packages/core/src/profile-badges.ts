import { schema, type Tx } from '@city/db';
import { and, eq, inArray } from 'drizzle-orm';

export interface ProfileBadgeView {
  plugin: string;
  label: { 'zh-CN': string; en: string };
}

/**
 * The badges members of the neighbourhood chose to show, by user id, from plugins enabled here (a disabled or
 * uninstalled plugin's badges stay stored until its data is purged, but nobody sees them). In the tenant's transaction.
 */
export async function profileBadgesOf(tx: Tx, userIds: readonly string[]): Promise<Record<string, ProfileBadgeView[]>> {
  if (!userIds.length) return {};
  const { profileBadges, pluginInstalls } = schema;
  const rows = await tx
    .select({
      userId: profileBadges.userId,
      plugin: profileBadges.pluginId,
      zh: profileBadges.labelZh,
      en: profileBadges.labelEn,
    })
    .from(profileBadges)
    .innerJoin(
      pluginInstalls,
      and(eq(pluginInstalls.tenantId, profileBadges.tenantId), eq(pluginInstalls.pluginId, profileBadges.pluginId)),
    )
    .where(and(inArray(profileBadges.userId, [...new Set(userIds)]), eq(pluginInstalls.status, 'enabled')))
    .orderBy(profileBadges.pluginId);
  const byUser: Record<string, ProfileBadgeView[]> = {};
  for (const row of rows)
    (byUser[row.userId] ??= []).push({ plugin: row.plugin, label: { 'zh-CN': row.zh, en: row.en } });
  return byUser;
}

/** Sets (or, with null, removes) one plugin's badge of one member of the neighbourhood. */
export async function setProfileBadge(
  tx: Tx,
  where: { tenantId: string; pluginId: string; userId: string; at: Date },
  label: { 'zh-CN': string; en: string } | null,
) {
  const { profileBadges } = schema;
  if (!label) {
    await tx
      .delete(profileBadges)
      .where(and(eq(profileBadges.userId, where.userId), eq(profileBadges.pluginId, where.pluginId)));
    return;
  }
  const [member] = await tx
    .select({ id: schema.members.id })
    .from(schema.members)
    .where(eq(schema.members.userId, where.userId));
  if (!member) throw new Error(`${where.pluginId}: a badge is for a member of the neighbourhood`);
  const values = { labelZh: label['zh-CN'], labelEn: label.en, setAt: where.at };
  await tx
    .insert(profileBadges)
    .values({ tenantId: where.tenantId, userId: where.userId, pluginId: where.pluginId, ...values })
    .onConflictDoUpdate({
      target: [profileBadges.tenantId, profileBadges.userId, profileBadges.pluginId],
      set: values,
    });
}

/** Drops every badge of a plugin in the neighbourhood (its data purged). */
export async function dropProfileBadges(tx: Tx, pluginId: string) {
  await tx.delete(schema.profileBadges).where(eq(schema.profileBadges.pluginId, pluginId));
}
