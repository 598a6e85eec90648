import { maskPhone, type TenantRole } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { and, asc, eq, gt, ilike, sql } from 'drizzle-orm';
import type { EventOutbox } from './events.ts';
import { audit, type AuditContext } from './audit.ts';
import { AppError } from './errors.ts';
import { containing } from './like.ts';
import { decodeCursor, page } from './pagination.ts';

const m = schema.members;

/** Members of one neighbourhood. Every method runs in the caller's tenant transaction (withTenant). */
export class Members {
  private readonly events: EventOutbox;

  constructor(events: EventOutbox) {
    this.events = events;
  }

  /** A page of members, narrowed to names containing `q` and to holders of `role` when given. */
  async list(
    tx: Tx,
    options: { cursor?: string | undefined; limit: number; q?: string | undefined; role?: TenantRole | undefined },
  ) {
    const after = decodeCursor(options.cursor);
    const named = options.q ? ilike(m.displayName, containing(options.q)) : undefined;
    const holding = options.role ? sql`${options.role} = any(${m.roles})` : undefined;
    const rows = await tx
      .select({
        id: m.id,
        userId: m.userId,
        displayName: m.displayName,
        phone: schema.users.phone,
        roles: m.roles,
        joinedAt: m.joinedAt,
      })
      .from(m)
      .innerJoin(schema.users, eq(schema.users.id, m.userId))
      .where(and(after ? gt(m.id, after) : undefined, named, holding))
      .orderBy(asc(m.id))
      .limit(options.limit + 1);
    return page(
      rows.map((r) => ({ ...r, phone: maskPhone(r.phone), roles: r.roles as TenantRole[] })),
      options.limit,
    );
  }

  async updateRoles(tx: Tx, context: AuditContext, memberId: string, roles: TenantRole[]) {
    const target = await lockMember(tx, memberId);
    if (target.roles.includes('admin') && !roles.includes('admin')) await keepAnAdmin(tx);
    const [updated] = await tx.update(m).set({ roles }).where(eq(m.id, memberId)).returning({ id: m.id });
    await audit(tx, context, {
      action: 'member.roles_changed',
      targetType: 'member',
      targetId: memberId,
      details: { member: target.displayName, from: target.roles, to: roles },
    });
    return updated!;
  }

  async remove(tx: Tx, context: AuditContext, memberId: string) {
    const target = await lockMember(tx, memberId);
    if (target.roles.includes('admin')) await keepAnAdmin(tx);
    await endMembership(tx, this.events, context, target, 'removed');
    await audit(tx, context, {
      action: 'member.removed',
      targetType: 'member',
      targetId: memberId,
      details: { member: target.displayName, roles: target.roles },
    });
  }
}

async function lockMember(tx: Tx, memberId: string) {
  const [target] = await tx.select().from(m).where(eq(m.id, memberId)).for('update');
  if (!target) throw new AppError('not_found');
  return target;
}

/** Refuses to take away the last admin. Admin rows are locked so two concurrent demotions cannot both pass. */
async function keepAnAdmin(tx: Tx) {
  const admins = await tx
    .select({ id: m.id })
    .from(m)
    .where(and(sql`'admin' = any(${m.roles})`))
    .for('update');
  if (admins.length <= 1) throw new AppError('last_admin');
}

/** A person leaves the neighbourhood: the membership goes, with any roles plugins gave them here. */
export async function endMembership(
  tx: Tx,
  events: EventOutbox,
  context: AuditContext,
  member: { id: string; userId: string },
  via: 'removed' | 'verification',
) {
  await tx.delete(m).where(eq(m.id, member.id));
  await tx.delete(schema.pluginRoleGrants).where(eq(schema.pluginRoleGrants.userId, member.userId));
  await events.emit(tx, context.tenantId, 'member.left', { userId: member.userId, via }, context.at);
}
