import type { CommitteeMeetingInput, GovernanceSettings } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { desc } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { currentSigners } from '../ledger/committee.ts';
import { memberNames } from '../ledger/names.ts';
import { DISCLOSURE_DAYS, disclosureNotice, notices } from '../notices.ts';
import type { NotificationOutbox } from '../notifications/index.ts';

const m = schema.committeeMeetings;

export async function governanceSettings(tx: Tx): Promise<GovernanceSettings> {
  const [row] = await tx.select().from(schema.governanceSettings);
  return { decisionRule: row?.decisionRule ?? 'half_or_more' };
}

export async function saveGovernanceSettings(tx: Tx, context: AuditContext, input: GovernanceSettings) {
  await tx
    .insert(schema.governanceSettings)
    .values({ tenantId: context.tenantId, ...input })
    .onConflictDoUpdate({ target: schema.governanceSettings.tenantId, set: input });
  await audit(tx, context, {
    action: 'governance.settings_changed',
    targetType: 'governance_settings',
    targetId: context.tenantId,
    details: input,
  });
  return governanceSettings(tx);
}

/** Whether `agree` of `total` members carries a decision: 半数以上 (half included) or 过半数 (DOMAIN.md §3, art. 1259). */
export const carries = (rule: GovernanceSettings['decisionRule'], agree: number, total: number) =>
  rule === 'half_or_more' ? 2 * agree >= total : 2 * agree > total;

const problem = (path: string, zh: string, en: string) =>
  new AppError('validation_failed', { fields: [{ path, code: 'committee_meeting', message: { 'zh-CN': zh, en } }] });

/**
 * Records a meeting of the owners' committee and publishes its minutes to 公示. More than half of the members seated
 * that day must have attended; each decision is carried by the votes of all members (not of those present), under
 * the neighbourhood's rule; the votes on a decision cannot outnumber those present.
 */
export async function recordCommitteeMeeting(
  tx: Tx,
  context: AuditContext,
  input: CommitteeMeetingInput,
  notifications: NotificationOutbox,
) {
  const seated = await currentSigners(tx, 'committee');
  const attendees = [...new Set(input.attendeeIds)];
  if (attendees.some((id) => !seated.has(id)))
    throw problem('attendeeIds', '出席人须为现任业主委员会委员', 'Attendees must be seated members of the committee');
  if (2 * attendees.length <= seated.size)
    throw problem(
      'attendeeIds',
      `出席委员 ${attendees.length} 人，未超过全体委员 ${seated.size} 人的半数，会议不能举行`,
      `${attendees.length} of ${seated.size} members attended: more than half must, for the meeting to be held`,
    );
  const { decisionRule } = await governanceSettings(tx);
  const decisions = input.decisions.map((d, i) => {
    if (d.agree + d.oppose + d.abstain > attendees.length)
      throw problem(`decisions.${i}.agree`, '表决票数多于出席人数', 'More votes than members present');
    return { ...d, passed: carries(decisionRule, d.agree, seated.size) };
  });
  const names = await memberNames(tx, attendees);
  const notice = disclosureNotice(context.at, {
    title: `业主委员会会议纪要：${input.title}`,
    body: [
      `会议日期：${input.heldOn}。出席委员 ${attendees.length} 人（全体委员 ${seated.size} 人）：${attendees.map((id) => names.get(id)).join('、')}。`,
      `议程：${input.agenda}`,
      ...decisions.map(
        (d) =>
          `决定：${d.text}——同意 ${d.agree}、反对 ${d.oppose}、弃权 ${d.abstain}，${d.passed ? '通过' : '未通过'}。`,
      ),
      `纪要：${input.minutes}`,
    ],
    days: DISCLOSURE_DAYS,
  });
  const published = await notices.publishNow(tx, context, notice, 'governance', notifications);
  const [row] = await tx
    .insert(m)
    .values({
      tenantId: context.tenantId,
      heldOn: input.heldOn,
      title: input.title,
      agenda: input.agenda,
      attendeeIds: attendees,
      membersTotal: seated.size,
      minutes: input.minutes,
      decisions,
      recordedBy: context.actor.id!,
      noticeId: published.id,
      createdAt: context.at,
    })
    .returning({ id: m.id });
  await audit(tx, context, {
    action: 'governance.meeting_recorded',
    targetType: 'committee_meeting',
    targetId: row!.id,
    details: { heldOn: input.heldOn, title: input.title, attendees, decisions, noticeId: published.id },
  });
  return (await committeeMeetings(tx)).find((x) => x.id === row!.id)!;
}

export async function committeeMeetings(tx: Tx) {
  const rows = await tx.select().from(m).orderBy(desc(m.heldOn), desc(m.createdAt));
  const names = await memberNames(
    tx,
    rows.flatMap((row) => row.attendeeIds),
  );
  return rows.map((row) => ({
    id: row.id,
    heldOn: row.heldOn,
    title: row.title,
    agenda: row.agenda,
    attendees: row.attendeeIds.map((id) => names.get(id) ?? ''),
    membersTotal: row.membersTotal,
    decisions: row.decisions,
    minutes: row.minutes,
    noticeId: row.noticeId,
  }));
}
