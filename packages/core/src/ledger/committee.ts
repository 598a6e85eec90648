import type { CommitteeBody, CommitteeMember, CommitteeMemberInput } from '@city/contracts';
import { isForeignKeyViolation, isUniqueViolation, schema, type Tx } from '@city/db';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError, fieldError } from '../errors.ts';
import { memberNames } from './names.ts';

const c = schema.committeeMembers;

/** The seats of both bodies, current ones first, then those who left, newest last. */
export async function committeeMembers(tx: Tx): Promise<CommitteeMember[]> {
  const rows = await tx.select().from(c).orderBy(asc(c.leftOn), asc(c.joinedOn), asc(c.createdAt));
  const names = await memberNames(
    tx,
    rows.map((row) => row.userId),
  );
  return rows.map((row) => ({
    id: row.id,
    body: row.body,
    userId: row.userId,
    name: names.get(row.userId) ?? '',
    position: row.position,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    leftReason: row.leftReason,
    partyPost: row.partyPost,
  }));
}

/** Who signs for a body today. */
export async function currentSigners(tx: Tx, body: CommitteeBody): Promise<Set<string>> {
  const rows = await tx
    .select({ userId: c.userId })
    .from(c)
    .where(and(eq(c.body, body), isNull(c.leftOn)));
  return new Set(rows.map((row) => row.userId));
}

/** Seats a member of this neighbourhood on a body (the admin records what the election or appointment decided). */
export async function addCommitteeMember(tx: Tx, context: AuditContext, input: CommitteeMemberInput) {
  const m = schema.members;
  const [member] = await tx.select({ userId: m.userId }).from(m).where(eq(m.userId, input.userId));
  if (!member) throw fieldError('userId', 'id_invalid');
  try {
    const [row] = await tx
      .insert(c)
      .values({ tenantId: context.tenantId, ...input })
      .returning({ id: c.id });
    await audit(tx, context, {
      action: 'committee.member_added',
      targetType: 'committee_member',
      targetId: row!.id,
      details: input,
    });
    return (await committeeMembers(tx)).find((seat) => seat.id === row!.id)!;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { fields: [alreadySeated] });
    if (isForeignKeyViolation(error)) throw fieldError('userId', 'id_invalid');
    throw error;
  }
}

const alreadySeated = {
  path: 'userId',
  code: 'conflict',
  message: { 'zh-CN': '此人已是该委员会的现任委员', en: 'This person already sits on this body' },
};

/** Ends a seat (resignation, removal, end of term); the seat stays in the record. */
export async function endCommitteeSeat(
  tx: Tx,
  context: AuditContext,
  id: string,
  input: { leftOn: string; reason: 'resigned' | 'removed' | 'term_ended' },
) {
  const [seat] = await tx.select().from(c).where(eq(c.id, id));
  if (!seat) throw new AppError('not_found');
  if (seat.leftOn) throw new AppError('conflict');
  if (input.leftOn < seat.joinedOn) throw fieldError('leftOn', 'window_order');
  await tx.update(c).set({ leftOn: input.leftOn, leftReason: input.reason }).where(eq(c.id, id));
  await audit(tx, context, {
    action: 'committee.member_left',
    targetType: 'committee_member',
    targetId: id,
    details: input,
  });
  return (await committeeMembers(tx)).find((s) => s.id === id)!;
}

/**
 * Records 交叉任职 on a sitting member of the owners' committee: the post they hold in the party organisation, as
 * the admin states it (null clears it). Only by hand: party membership never sets it.
 */
export async function recordCrossAppointment(tx: Tx, context: AuditContext, id: string, partyPost: string | null) {
  const [seat] = await tx.select().from(c).where(eq(c.id, id));
  if (!seat) throw new AppError('not_found');
  if (seat.leftOn || seat.body !== 'committee') throw new AppError('conflict', { detail: notSitting });
  await tx.update(c).set({ partyPost }).where(eq(c.id, id));
  await audit(tx, context, {
    action: 'committee.cross_appointment',
    targetType: 'committee_member',
    targetId: id,
    details: { partyPost },
  });
  return (await committeeMembers(tx)).find((s) => s.id === id)!;
}

const notSitting = {
  'zh-CN': '只能为业主委员会的现任委员记录交叉任职',
  en: 'Cross-appointment is recorded for sitting members of the owners’ committee only',
};
