import type { EvaluationInput } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { desc } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { currentSigners } from '../ledger/committee.ts';
import { memberNames } from '../ledger/names.ts';
import { DISCLOSURE_DAYS, disclosureNotice, notices } from '../notices.ts';
import type { NotificationOutbox } from '../notifications/index.ts';

const e = schema.committeeEvaluations;

const average = (scores: { score: number }[]) =>
  Math.round((10 * scores.reduce((sum, s) => sum + s.score, 0)) / scores.length) / 10;

const periodName = (period: string) => {
  const [year, part] = period.split('-');
  if (!part) return `${year}年度`;
  return part.startsWith('H') ? `${year}年${part === 'H1' ? '上' : '下'}半年` : `${year}年第${part.slice(1)}季度`;
};

/**
 * The supervisory committee evaluates the owners' committee (DOMAIN.md §3): a seated member records the scores and
 * the remarks for a period, and they go to 公示 at once.
 */
export async function evaluateCommittee(
  tx: Tx,
  context: AuditContext,
  input: EvaluationInput,
  notifications: NotificationOutbox,
) {
  if (!(await currentSigners(tx, 'supervisory')).has(context.actor.id!)) throw new AppError('not_a_signer');
  const label = periodName(input.period);
  const notice = disclosureNotice(context.at, {
    title: `业主监督委员会对业主委员会的考评（${label}）`,
    body: [
      `考评期：${label}。平均得分 ${average(input.scores)} 分（满分5分）。`,
      ...input.scores.map((s) => `${s.criterion}：${s.score} 分${s.remark ? `。${s.remark}` : ''}`),
      `总体评价：${input.summary}`,
    ],
    days: DISCLOSURE_DAYS,
  });
  const published = await notices.publishNow(tx, context, notice, 'governance', notifications);
  const [row] = await tx
    .insert(e)
    .values({
      tenantId: context.tenantId,
      period: input.period,
      scores: input.scores,
      summary: input.summary,
      evaluatedBy: context.actor.id!,
      noticeId: published.id,
      createdAt: context.at,
    })
    .returning({ id: e.id });
  await audit(tx, context, {
    action: 'governance.committee_evaluated',
    targetType: 'committee_evaluation',
    targetId: row!.id,
    details: { ...input, noticeId: published.id },
  });
  return (await committeeEvaluations(tx)).find((x) => x.id === row!.id)!;
}

/** Every evaluation, newest first. */
export async function committeeEvaluations(tx: Tx) {
  const rows = await tx.select().from(e).orderBy(desc(e.createdAt));
  const names = await memberNames(
    tx,
    rows.map((row) => row.evaluatedBy),
  );
  return rows.map((row) => ({
    id: row.id,
    period: row.period,
    scores: row.scores,
    average: average(row.scores),
    summary: row.summary,
    evaluatedByName: names.get(row.evaluatedBy) ?? '',
    noticeId: row.noticeId,
    createdAt: row.createdAt.toISOString(),
  }));
}
