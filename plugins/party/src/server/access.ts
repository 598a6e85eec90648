import type { z } from '@hono/zod-openapi';
import type { PluginContext } from '@city/plugin-sdk/server';
import { maskPhone, type Grant } from '@city/contracts';
import { asc } from 'drizzle-orm';
import type { partyManifest } from '../manifest.ts';
import { branches, committees, type leaders, officers } from '../schema.ts';
import { fail } from './errors.ts';

export type Settings = z.infer<typeof partyManifest.settings>;
export type Ctx = PluginContext<Settings>;

/** Who runs the branch: its committee (the plugin role the admin gives) and the neighbourhood's admins. */
export const BRANCH = ['tenant:admin', 'plugin-role:party.branch'] as const satisfies readonly Grant[];

export const runsBranch = (ctx: Ctx) =>
  !!ctx.actor && (ctx.actor.roles.includes('admin') || ctx.actor.pluginRoles.includes('branch'));

/** The badge a confirmed member who chose 亮身份 shows next to their name. */
export const BADGE = { 'zh-CN': '共产党员', en: 'Party member' } as const;

/** The branch as members see it: its name and committee, and the committees above it. */
export async function branchView(ctx: Ctx) {
  const [branch] = await ctx.db.select().from(branches);
  if (!branch) return null;
  const committee = await ctx.db.select().from(officers).orderBy(asc(officers.position), asc(officers.name));
  const above = await ctx.db.select().from(committees).orderBy(asc(committees.level));
  return {
    name: branch.name,
    kind: branch.kind,
    officers: committee.map(({ userId, name, position }) => ({ userId, name, position })),
    // 社区党委 first, then the 街道党工委 (the nearer organisation first).
    above: above
      .map(({ regionId, level, name, secretary, phone }) => ({ regionId, level, name, secretary, phone }))
      .sort((a, b) => (a.level === b.level ? 0 : a.level === 'community' ? -1 : 1)),
  };
}

export async function requireBranch(ctx: Ctx) {
  const [branch] = await ctx.db.select({ name: branches.name }).from(branches);
  if (!branch) throw fail('no_branch');
  return branch;
}

/** Names of the neighbourhood's members by id (members:read), to store next to ids the branch picks. */
export async function memberNames(ctx: Ctx, userIds: readonly string[]) {
  const wanted = new Set(userIds);
  const people = (await ctx.members.list()).filter((m) => wanted.has(m.userId));
  const names = new Map(people.map((m) => [m.userId, m.displayName]));
  if (names.size !== wanted.size) throw fail('person_missing');
  return names;
}

export const leaderView = (row: typeof leaders.$inferSelect, buildingName: string) => ({
  id: row.id,
  kind: row.kind,
  buildingId: row.buildingId,
  buildingName,
  entrance: row.entrance,
  floor: row.floor,
  name: row.name,
  phone: row.phone,
  phoneMasked: maskPhone(row.phone),
});
