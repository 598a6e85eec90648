import {
  CommitteeElectedEventSchema,
  CommitteeTermInputSchema,
  COMMITTEE_ELECTED_EVENT,
  type CommitteeElection,
  type ElectionApplyInput,
} from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { beijingDate } from '../calendar/index.ts';
import { AppError, fieldError, validationError } from '../errors.ts';
import { addCommitteeMember } from '../ledger/committee.ts';
import { memberNames } from '../ledger/names.ts';
import type { NotificationOutbox } from '../notifications/index.ts';
import { neighbourhoodPath } from '../notifications/neighbourhood-path.ts';
import { startCommitteeTerm } from './governance.ts';

const e = schema.committeeElections;

/** An event a plugin emitted, as the outbox delivers it to the core. */
export interface ReportedEvent {
  id: string;
  /** The plugin that emitted it: the event's name is `<source>.<name>`, and only that plugin can write that prefix. */
  source: string;
  payload: unknown;
  createdAt: Date;
}

/** Whether the core takes this event: an election's result, from whichever installed plugin ran the election. */
export const isElectionReport = (name: string) => name.endsWith(`.${COMMITTEE_ELECTED_EVENT}`);

/**
 * Keeps an election's result as the plugin reported it, and tells the admins it waits for them. A re-delivered event
 * adds nothing; a payload that is not a result throws, so the delivery is retried and then shown as failed.
 */
export async function recordReportedElection(
  tx: Tx,
  tenantId: string,
  event: ReportedEvent,
  notifications: NotificationOutbox,
) {
  const parsed = CommitteeElectedEventSchema.safeParse(event.payload);
  if (!parsed.success) throw new Error(`not an election result: ${parsed.error.message.slice(0, 300)}`);
  const result = parsed.data;
  const [row] = await tx
    .insert(e)
    .values({
      tenantId,
      source: event.source,
      eventId: event.id,
      meetingRef: result.meetingId,
      meetingTitle: result.meetingTitle,
      motionTitle: result.motionTitle,
      byElection: result.byElection,
      seats: result.seats,
      electedOn: beijingDate(new Date(result.closedAt)),
      elected: result.elected,
      unfilled: result.unfilled,
      noticeId: result.noticeId,
      createdAt: event.createdAt,
    })
    .onConflictDoNothing()
    .returning({ id: e.id });
  if (!row) return;
  const context = { tenantId, actor: { id: null, displayName: event.source }, at: event.createdAt };
  await audit(tx, context, {
    action: 'governance.election_reported',
    targetType: 'committee_election',
    targetId: row.id,
    details: { source: event.source, meeting: result.meetingId, elected: result.elected.map((x) => x.name) },
  });
  const names = result.elected.map((x) => x.name).join('、') || '无';
  await notifications.send(
    tx,
    tenantId,
    'core',
    {
      kind: 'governance.election',
      key: `governance.election:${row.id}`,
      audience: { roles: ['admin'] },
      title: {
        'zh-CN': `${result.byElection ? '补选' : '业主委员会选举'}结果待确认`,
        en: `${result.byElection ? 'By-election' : 'Committee election'} result to take`,
      },
      body: {
        'zh-CN': `当选：${names}。请为每位当选人对应小区成员，${result.byElection ? '补入本届委员会' : '开始新一届任期'}。`,
        en: `Elected: ${names}. Link each of them to a member to ${result.byElection ? 'seat them' : 'start the new term'}.`,
      },
      link: await neighbourhoodPath(tx, tenantId, '/committee/manage'),
    },
    event.createdAt,
  );
}

/** Every reported election, the newest first. */
export async function committeeElections(tx: Tx): Promise<CommitteeElection[]> {
  const rows = await tx.select().from(e).orderBy(desc(e.createdAt), desc(e.id));
  const names = await memberNames(
    tx,
    rows.flatMap((row) => (row.handledBy ? [row.handledBy] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    meetingTitle: row.meetingTitle,
    motionTitle: row.motionTitle,
    byElection: row.byElection,
    seats: row.seats,
    electedOn: row.electedOn,
    elected: row.elected,
    unfilled: row.unfilled,
    noticeId: row.noticeId,
    status: row.status,
    termId: row.termId,
    handledByName: row.handledBy ? (names.get(row.handledBy) ?? '') : null,
    handledAt: row.handledAt?.toISOString() ?? null,
    dismissReason: row.dismissReason,
    createdAt: row.createdAt.toISOString(),
  }));
}

async function pending(tx: Tx, id: string) {
  const [row] = await tx.select().from(e).where(eq(e.id, id)).for('update');
  if (!row) throw new AppError('not_found');
  if (row.status !== 'pending') throw new AppError('conflict', { detail: handledAlready });
  return row;
}

/**
 * Takes an election's result: a new committee's term starts (the previous one must have ended), or a by-election's
 * elected join the sitting term; every elected name is accounted for, linked to a member who is seated, or left
 * vacant. All of it or nothing.
 */
export async function applyElection(
  tx: Tx,
  context: AuditContext,
  id: string,
  input: ElectionApplyInput,
  notifications: NotificationOutbox,
) {
  const row = await pending(tx, id);
  const linked = new Map(input.members.map((m) => [m.candidateId, m]));
  if (linked.size !== row.elected.length || row.elected.some((x) => !linked.has(x.candidateId)))
    throw fieldError('members', 'election_unlinked');
  const seated = input.members.filter((m) => m.userId !== null);

  let termId: string;
  if (row.byElection) {
    const t = schema.committeeTerms;
    const [term] = await tx.select().from(t).where(isNull(t.endedOn));
    if (!term) throw new AppError('conflict', { detail: noSittingTerm });
    if (input.startsOn < row.electedOn) throw fieldError('startsOn', 'window_order');
    const c = schema.committeeMembers;
    const sitting = await tx
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.body, 'committee'), isNull(c.leftOn)));
    if (sitting.length + seated.length > term.seats) throw new AppError('conflict', { detail: noVacancy });
    termId = term.id;
  } else {
    const term = CommitteeTermInputSchema.safeParse({
      electedOn: row.electedOn,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      seats: row.seats,
      electedBy: `${row.meetingTitle}（${row.motionTitle}）`.slice(0, 200),
    });
    if (!term.success) throw validationError(term.error);
    termId = await startCommitteeTerm(tx, context, term.data, notifications);
  }
  for (const member of seated)
    await addCommitteeMember(tx, context, {
      body: 'committee',
      userId: member.userId!,
      position: member.position,
      joinedOn: input.startsOn,
    });
  await tx
    .update(e)
    .set({ status: 'applied', termId, handledBy: context.actor.id, handledAt: context.at })
    .where(eq(e.id, row.id));
  await audit(tx, context, {
    action: 'governance.election_applied',
    targetType: 'committee_election',
    targetId: row.id,
    details: { termId, startsOn: input.startsOn, members: input.members },
  });
}

/** Sets a reported result aside (an annulled election, a test run): it stays in the record with the reason. */
export async function dismissElection(tx: Tx, context: AuditContext, id: string, reason: string) {
  const row = await pending(tx, id);
  await tx
    .update(e)
    .set({ status: 'dismissed', dismissReason: reason, handledBy: context.actor.id, handledAt: context.at })
    .where(eq(e.id, row.id));
  await audit(tx, context, {
    action: 'governance.election_dismissed',
    targetType: 'committee_election',
    targetId: row.id,
    details: { reason },
  });
}

const handledAlready = {
  'zh-CN': '该选举结果已经处理过',
  en: 'This election result has been handled already',
};
const noSittingTerm = {
  'zh-CN': '当前没有在任的业主委员会，补选结果无法补入',
  en: 'No committee is sitting: a by-election has nothing to join',
};
const noVacancy = {
  'zh-CN': '补入的人数超过了本届委员会的空缺',
  en: 'More people than the committee has vacancies',
};
