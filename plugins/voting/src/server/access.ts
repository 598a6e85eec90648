import { coreError } from '@city/plugin-sdk';
import type { PluginContext } from '@city/plugin-sdk/server';
import { fail } from './errors.ts';

/** Who types in paper and proxy ballots and checks each other's entries. */
export const TELLERS = ['tenant:admin', 'tenant:committee', 'tenant:staff'] as const;

/**
 * Meetings are run by the owners' committee; where the neighbourhood has none yet (before its first 业主大会), by the
 * neighbourhood admin — a stand-in until the 筹备组 that prepares the first meeting (docs/domain.md §3) is built, not a
 * rule of the 指导规则.
 */
export async function canManage(ctx: PluginContext<unknown>): Promise<boolean> {
  const roles = ctx.actor?.roles ?? [];
  if (roles.includes('committee')) return true;
  if (!roles.includes('admin')) return false;
  const members = await ctx.members.list();
  return !members.some((m) => m.roles.includes('committee'));
}

export async function requireManager(ctx: PluginContext<unknown>) {
  if (!(await canManage(ctx))) throw coreError('forbidden');
}

/** Moderators of 议事: the committee and the neighbourhood admin. */
export const canModerate = (ctx: PluginContext<unknown>) =>
  (ctx.actor?.roles ?? []).some((r) => r === 'admin' || r === 'committee');

/** Raising, replying and supporting need a verified home here. */
export function requireVerified(ctx: PluginContext<unknown>) {
  if (!ctx.actor?.verified) throw fail('not_verified');
  return ctx.actor;
}
