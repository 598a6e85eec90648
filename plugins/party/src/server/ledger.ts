import { newId } from '@city/plugin-sdk/schema';
import { isUniqueViolation } from '@city/plugin-sdk/server';
import { and, asc, eq } from 'drizzle-orm';
import { reversalOf, roomUnderCap } from '../points.ts';
import { members, pointRules, points } from '../schema.ts';
import { DEFAULT_POINT_RULES, type PointTrigger } from '../values.ts';
import type { Ctx } from './access.ts';
import { fail } from './errors.ts';

/** The year a time falls in, in China (Asia/Shanghai, UTC+8 all year): what commitments and points count in. */
export const yearOf = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

/** A new branch starts with the default scheme (DEFAULT_POINT_RULES); an existing scheme is left alone. */
export async function ensureDefaultRules(ctx: Ctx) {
  const [any] = await ctx.db.select({ id: pointRules.id }).from(pointRules).limit(1);
  if (any) return;
  await ctx.db.insert(pointRules).values(DEFAULT_POINT_RULES.map((rule) => ({ ...rule, tenantId: ctx.tenant.id })));
}

export async function confirmedMember(ctx: Ctx, partyMemberId: string) {
  const [member] = await ctx.db.select().from(members).where(eq(members.id, partyMemberId));
  if (!member) throw fail('member_missing');
  if (member.status !== 'confirmed') throw fail('not_a_member');
  return member;
}

/** A member's entries of one year (for the caps), oldest first. */
const entriesOf = (ctx: Ctx, memberId: string, year: number) =>
  ctx.db
    .select()
    .from(points)
    .where(and(eq(points.memberId, memberId), eq(points.year, year)))
    .orderBy(asc(points.at), asc(points.id));

/**
 * Adds points from a rule to a confirmed member, within the rule's yearly cap: past it, an award by hand is refused,
 * while one that comes with something else (`whenRoom`: a confirmed commitment) is left out and returns null.
 * `source` names what earned them (a commitment, an activity) so the same thing never earns twice.
 */
export async function award(
  ctx: Ctx,
  input: { memberId: string; rule: typeof pointRules.$inferSelect; reason: string; source?: string; whenRoom?: true },
) {
  const { rule } = input;
  const year = yearOf(ctx.now());
  if (roomUnderCap(await entriesOf(ctx, input.memberId, year), rule, input.memberId, year) < rule.points) {
    if (input.whenRoom) return null;
    throw fail('cap_reached');
  }
  const id = newId();
  try {
    await ctx.db.insert(points).values({
      id,
      tenantId: ctx.tenant.id,
      memberId: input.memberId,
      ruleId: rule.id,
      year,
      points: rule.points,
      reason: input.reason,
      source: input.source ?? null,
      awardedByName: ctx.actor?.displayName ?? '',
      at: ctx.now(),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw fail('already_awarded');
    throw error;
  }
  await ctx.audit.append({
    action: 'points_awarded',
    targetType: 'party_points',
    targetId: id,
    details: { rule: rule.name, points: rule.points },
  });
  return id;
}

/** The active rule that awards points by itself for `trigger`, if the branch keeps one. */
export async function triggeredRule(ctx: Ctx, trigger: PointTrigger) {
  const [rule] = await ctx.db
    .select()
    .from(pointRules)
    .where(and(eq(pointRules.trigger, trigger), eq(pointRules.active, true)));
  return rule ?? null;
}

/** Takes back an entry with its exact opposite, once; the original stays on the record. */
export async function reverse(ctx: Ctx, entryId: string, reason: string) {
  const [entry] = await ctx.db.select().from(points).where(eq(points.id, entryId));
  if (!entry) throw fail('entry_missing');
  const reversal = reversalOf(await entriesOf(ctx, entry.memberId, entry.year), entryId);
  if (typeof reversal === 'string') throw fail(reversal);
  const id = newId();
  try {
    await ctx.db.insert(points).values({
      id,
      tenantId: ctx.tenant.id,
      ...reversal,
      reason,
      awardedByName: ctx.actor?.displayName ?? '',
      at: ctx.now(),
    });
  } catch (error) {
    // Two reversals at once: the unique `reverses` keeps one.
    if (isUniqueViolation(error)) throw fail('already_reversed');
    throw error;
  }
  await ctx.audit.append({
    action: 'points_reversed',
    targetType: 'party_points',
    targetId: entryId,
    details: { reason },
  });
  return id;
}
