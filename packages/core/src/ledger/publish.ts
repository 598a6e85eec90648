import { schema, type Tx } from '@city/db';
import { and, gte, lte } from 'drizzle-orm';
import type { AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { DISCLOSURE_DAYS, disclosureNotice, notices } from '../notices.ts';
import type { NotificationOutbox } from '../notifications/index.ts';
import { periodLabel, yuan } from './statement-files.ts';
import { ledgerStatement } from './statements.ts';

/** Where a member downloads the statements of `from`…`to` (the attachments of their 公示). */
export const statementFileLinks =
  (publicUrl: string, slug: string, { from, to }: { from: string; to: string }) =>
  (format: 'pdf' | 'xlsx') =>
    `${publicUrl}/api/v1/t/${slug}/ledger/statement/export?from=${from}&to=${to}&format=${format}`;

/**
 * Publishes the statements of `from`…`to` to 公示: a disclosure with the figures in words and the printed PDF and
 * the spreadsheet attached. Only closed months are published (their figures can no longer change); whether the
 * supervisory committee has reviewed them is said in the notice.
 */
export async function publishStatement(
  tx: Tx,
  context: AuditContext,
  input: { from: string; to: string },
  links: { statementFile: (format: 'pdf' | 'xlsx') => string },
  notifications: NotificationOutbox,
) {
  const { from, to } = input;
  const statement = await ledgerStatement(tx, from, to);
  const e = schema.ledgerEntries;
  const p = schema.ledgerPeriods;
  const used = await tx
    .selectDistinct({ period: e.period })
    .from(e)
    .where(and(gte(e.period, from), lte(e.period, to)));
  const closes = await tx
    .select()
    .from(p)
    .where(and(gte(p.period, from), lte(p.period, to)));
  const open = used.map((u) => u.period).filter((period) => !closes.some((c) => c.period === period && c.closedAt));
  if (open.length)
    throw new AppError('conflict', {
      detail: {
        'zh-CN': `以下月份尚未结账，结账后才能公示：${open.sort().join('、')}`,
        en: `Close these months before publishing them: ${open.sort().join(', ')}`,
      },
    });
  const reviewed = used.length > 0 && used.every((u) => closes.some((c) => c.period === u.period && c.reviewedAt));
  const label = periodLabel(from, to);
  const { income, balanceSheet } = statement;
  const notice = disclosureNotice(context.at, {
    title: `公共收益报表公示（${label}）`,
    body: [
      `${label}公共收益：收入合计 ${yuan(income.incomeFen)} 元，支出合计 ${yuan(income.expenseFen)} 元，收支结余 ${yuan(income.netFen)} 元。`,
      `${to} 月末资产合计 ${yuan(balanceSheet.assetsFen)} 元。`,
      reviewed ? '以上账目已经业主监督委员会审核。' : '以上账目尚待业主监督委员会审核。',
      '科目余额表、收支表和资产负债表见附件；每一笔收支的凭证可在“公共收益”中查看。',
      `公示期 ${DISCLOSURE_DAYS} 天，如有异议请在公示期内向业主委员会或业主监督委员会提出。`,
    ],
    days: DISCLOSURE_DAYS,
    attachments: [
      { name: `公共收益报表（${label}）PDF`, url: links.statementFile('pdf') },
      { name: `公共收益报表（${label}）Excel`, url: links.statementFile('xlsx') },
    ],
  });
  const published = await notices.publishNow(tx, context, notice, 'ledger', notifications);
  return { noticeId: published.id };
}
