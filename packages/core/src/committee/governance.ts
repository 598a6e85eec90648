import {
  FILING_DAYS,
  FIRST_MEETING_DAYS,
  type CommitteeTermInput,
  type Governance,
  type PreparatoryGroupInput,
  type PreparatorySeat,
} from '@city/contracts';
import { isUniqueViolation, schema, type Tx } from '@city/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { addDays } from '../calendar/index.ts';
import { AppError } from '../errors.ts';
import { registrationDocuments } from '../ledger/documents.ts';
import { disclosureNotice, notices } from '../notices.ts';
import type { NotificationOutbox } from '../notifications/index.ts';
import { cancelReminders, scheduleReminders } from './reminders.ts';

const g = schema.preparatoryGroups;
const pm = schema.preparatoryMembers;
const t = schema.committeeTerms;

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

const SEAT_NAMES: Record<PreparatorySeat, string> = {
  owner: '业主代表',
  developer: '建设单位代表',
  street: '街道办事处代表',
  community: '社区居民委员会代表',
  party_branch: '小区党支部代表',
  community_party: '社区党委代表',
  street_party: '街道党工委代表',
};

/**
 * A neighbourhood's bodies as they stand on `today`: the open 筹备组 and its clock, the current term of the committee.
 * In a supervisor's scope, which reads a whole branch, `tenantId` names the neighbourhood.
 */
export async function governance(tx: Tx, today: string, tenantId?: string): Promise<Governance> {
  const [group] = await tx
    .select()
    .from(g)
    .where(and(isNull(g.firstMeetingOn), tenantId ? eq(g.tenantId, tenantId) : undefined));
  const [term] = await tx
    .select()
    .from(t)
    .where(and(isNull(t.endedOn), tenantId ? eq(t.tenantId, tenantId) : undefined));
  const members = group ? await tx.select().from(pm).where(eq(pm.groupId, group.id)) : [];
  const c = schema.committeeMembers;
  const seated = term
    ? await tx
        .select({ id: c.id })
        .from(c)
        .where(and(eq(c.tenantId, term.tenantId), eq(c.body, 'committee'), isNull(c.leftOn)))
    : [];
  return {
    preparatory: group
      ? {
          id: group.id,
          formedOn: group.formedOn,
          firstMeetingDue: group.firstMeetingDue,
          firstMeetingOn: group.firstMeetingOn,
          daysLeft: daysBetween(today, group.firstMeetingDue),
          overdue: today > group.firstMeetingDue,
          noticeId: group.noticeId,
          members: members.map(({ name, seat, lead, userId }) => ({ name, seat, lead, userId })),
        }
      : null,
    term: term
      ? {
          id: term.id,
          electedOn: term.electedOn,
          startsOn: term.startsOn,
          endsOn: term.endsOn,
          seats: term.seats,
          seated: seated.length,
          vacancies: Math.max(0, term.seats - seated.length),
          electedBy: term.electedBy,
          filingDue: term.filingDue,
          filedOn: term.filedOn,
          filingOverdue: term.filedOn === null && today > term.filingDue,
          registrationNo: term.registrationNo,
          bankAccount: term.bankAccount,
          documents: await registrationDocuments(tx, term.id),
          daysToEnd: daysBetween(today, term.endsOn),
        }
      : null,
  };
}

/**
 * Forms the 筹备组 and publishes its list to 公示 in the same transaction (the rules ask for it within 7 days: it is
 * there at once); the first meeting is due 90 days later. The composition rules are the contract's.
 */
export async function formPreparatoryGroup(
  tx: Tx,
  context: AuditContext,
  input: PreparatoryGroupInput,
  notifications: NotificationOutbox,
) {
  const [open] = await tx.select({ id: g.id }).from(g).where(isNull(g.firstMeetingOn));
  if (open) throw new AppError('conflict', { detail: groupExists });
  const due = addDays(input.formedOn, FIRST_MEETING_DAYS);
  const ordered = [...input.members].sort((a, b) => Number(b.lead) - Number(a.lead));
  const notice = disclosureNotice(context.at, {
    title: '首次业主大会筹备组成员名单公示',
    body: [
      `首次业主大会筹备组于 ${input.formedOn} 成立，共 ${input.members.length} 人：`,
      ...ordered.map((m) => `${m.lead ? '组长 ' : ''}${m.name}（${SEAT_NAMES[m.seat]}）`),
      `筹备组应在 ${due} 前组织召开首次业主大会。对名单有异议的，请在公示期内向筹备组或街道办事处提出。`,
    ],
    days: 7,
    pinned: true,
  });
  const published = await notices.publishNow(tx, context, notice, 'governance', notifications);
  try {
    const [group] = await tx
      .insert(g)
      .values({ tenantId: context.tenantId, formedOn: input.formedOn, firstMeetingDue: due, noticeId: published.id })
      .returning({ id: g.id });
    await tx.insert(pm).values(input.members.map((m) => ({ tenantId: context.tenantId, groupId: group!.id, ...m })));
    await scheduleReminders(
      tx,
      context.tenantId,
      notifications,
      {
        subject: `first-meeting:${group!.id}`,
        due,
        before: [30, 7],
        what: { 'zh-CN': '首次业主大会召开期限', en: 'The first owners’ meeting' },
        roles: ['admin'],
        path: '/committee/manage',
      },
      context.at,
    );
    await audit(tx, context, {
      action: 'governance.preparatory_formed',
      targetType: 'preparatory_group',
      targetId: group!.id,
      details: { formedOn: input.formedOn, firstMeetingDue: due, members: input.members, noticeId: published.id },
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { detail: groupExists });
    throw error;
  }
}

/** The first 业主大会 was held: the 筹备组's work (and its clock) ends. */
export async function recordFirstMeeting(tx: Tx, context: AuditContext, heldOn: string) {
  const [group] = await tx.select().from(g).where(isNull(g.firstMeetingOn));
  if (!group) throw new AppError('not_found');
  if (heldOn < group.formedOn) throw new AppError('validation_failed', { fields: [beforeForming] });
  await tx.update(g).set({ firstMeetingOn: heldOn }).where(eq(g.id, group.id));
  await cancelReminders(tx, `first-meeting:${group.id}`);
  await audit(tx, context, {
    action: 'governance.first_meeting_held',
    targetType: 'preparatory_group',
    targetId: group.id,
    details: { heldOn, due: group.firstMeetingDue },
  });
}

/** A new term of the committee as elected; 备案 is due 30 days after the election. One current term at a time. */
export async function startCommitteeTerm(
  tx: Tx,
  context: AuditContext,
  input: CommitteeTermInput,
  notifications: NotificationOutbox,
): Promise<string> {
  try {
    const filingDue = addDays(input.electedOn, FILING_DAYS);
    const [term] = await tx
      .insert(t)
      .values({ tenantId: context.tenantId, ...input, filingDue })
      .returning({ id: t.id });
    const deadline = { roles: ['admin', 'committee'], path: '/committee/manage' };
    await scheduleReminders(
      tx,
      context.tenantId,
      notifications,
      {
        ...deadline,
        subject: `filing:${term!.id}`,
        due: filingDue,
        before: [14, 3],
        what: { 'zh-CN': '业主委员会备案', en: 'The committee’s filing' },
      },
      context.at,
    );
    await scheduleReminders(
      tx,
      context.tenantId,
      notifications,
      {
        ...deadline,
        subject: `term-end:${term!.id}`,
        due: input.endsOn,
        before: [180, 90, 30],
        what: {
          'zh-CN': '本届业主委员会任期届满（请筹备换届选举）',
          en: 'The committee’s term (prepare the election)',
        },
      },
      context.at,
    );
    await audit(tx, context, {
      action: 'governance.term_started',
      targetType: 'committee_term',
      targetId: term!.id,
      details: input,
    });
    return term!.id;
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { detail: termExists });
    throw error;
  }
}

/** 备案 made with the housing authority and the 街道; its registration and public account as they come. */
export async function fileCommitteeTerm(
  tx: Tx,
  context: AuditContext,
  input: { filedOn: string; registrationNo: string | null; bankAccount: string | null },
) {
  const [term] = await tx.select().from(t).where(isNull(t.endedOn));
  if (!term) throw new AppError('not_found');
  if (input.filedOn < term.electedOn) throw new AppError('validation_failed', { fields: [beforeElection] });
  await tx.update(t).set(input).where(eq(t.id, term.id));
  await cancelReminders(tx, `filing:${term.id}`);
  await audit(tx, context, {
    action: 'governance.term_filed',
    targetType: 'committee_term',
    targetId: term.id,
    details: input,
  });
}

/** The term ends (its five years are up, or the owners replaced the committee), and with it every seat on it. */
export async function endCommitteeTerm(tx: Tx, context: AuditContext, endedOn: string) {
  const [term] = await tx.select().from(t).where(isNull(t.endedOn));
  if (!term) throw new AppError('not_found');
  if (endedOn < term.startsOn) throw new AppError('validation_failed', { fields: [beforeStart] });
  await tx.update(t).set({ endedOn }).where(eq(t.id, term.id));
  await cancelReminders(tx, `filing:${term.id}`);
  await cancelReminders(tx, `term-end:${term.id}`);
  const c = schema.committeeMembers;
  // A seat taken after the day the term ended (a mistake in dates) ends the day it began.
  await tx
    .update(c)
    .set({ leftOn: sql`greatest(${c.joinedOn}, ${endedOn}::date)`, leftReason: 'term_ended' })
    .where(and(eq(c.body, 'committee'), isNull(c.leftOn)));
  await audit(tx, context, {
    action: 'governance.term_ended',
    targetType: 'committee_term',
    targetId: term.id,
    details: { endedOn },
  });
}

const groupExists = {
  'zh-CN': '筹备组已经成立，首次业主大会召开后才能另行组建',
  en: 'A preparatory group is already at work until the first meeting is held',
};
const termExists = {
  'zh-CN': '本届业主委员会尚未结束，请先记录任期结束',
  en: 'The current committee’s term has not ended; record its end first',
};
const field = (path: string, zh: string, en: string) => ({ path, code: 'window_order', message: { 'zh-CN': zh, en } });
const beforeForming = field(
  'heldOn',
  '首次业主大会不能早于筹备组成立日期',
  'The first meeting cannot be before the group was formed',
);
const beforeElection = field('filedOn', '备案日期不能早于选举日期', 'The filing cannot be before the election');
const beforeStart = field('endedOn', '任期结束不能早于任期开始', 'The term cannot end before it starts');
