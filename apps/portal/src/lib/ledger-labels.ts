import type { Expense } from '@city/contracts';
import { formatDateTime, formatMoney, formatMonth, t } from '#lib/i18n/index.ts';
import { isDefaultPurpose } from '#lib/ledger.ts';
import { formatFen } from '#lib/money.ts';

/** 公共收益 in words: account names, amounts, progress and states as the reader reads them. */

/** A default account by its role in the reader's language; one the neighbourhood added by its own name. */
export const accountName = (account: { name: string; purpose: string | null }) =>
  isDefaultPurpose(account.purpose) ? t(`ledger.account.${account.purpose}`) : account.name;

/** `12,500.00 元` / `¥12,500.00`. */
export const money = formatMoney;

/** `2/2 委员同意 · 监督委员会会签 0/1`. */
export function expenseProgress(
  expense: Pick<Expense, 'approvals' | 'approvalsNeeded' | 'countersigns' | 'countersignNeeded'>,
) {
  const committee = t('ledger.progress.committee', { done: expense.approvals, needed: expense.approvalsNeeded });
  if (!expense.countersignNeeded) return committee;
  const supervisory = t('ledger.progress.supervisory', {
    done: expense.countersigns,
    needed: expense.countersignNeeded,
  });
  return `${committee} · ${supervisory}`;
}

export const expenseTone = {
  proposed: 'warning',
  approved: 'primary',
  paid: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
} as const;

/** `2026年1月 至 2026年3月`, or one month. */
export const monthsLabel = (from: string, to: string) =>
  from === to ? formatMonth(from) : t('ledger.monthsRange', { from: formatMonth(from), to: formatMonth(to) });

/** What the approval rules say in words: 2 committee members; the supervisors above 5,000.00 元. */
export function rulesText(settings: { approvalsNeeded: number; countersignAboveFen: number }) {
  const approvals = t('ledger.rules.approvals', { count: settings.approvalsNeeded });
  const countersign =
    settings.countersignAboveFen === 0
      ? t('ledger.rules.countersignAll')
      : t('ledger.rules.countersignAbove', { amount: formatFen(settings.countersignAboveFen) });
  return `${approvals}${t('ledger.rules.separator')}${countersign}`;
}

/** `PDF · 1.4 MB · 2026/11/20 10:00 上传` (or, for an audit report, 公示): what a kept file is, how large, since when. */
export function documentMeta(
  file: { contentType: string; size: number; uploadedAt: string },
  words: 'ledger.documentMeta' | 'ledger.auditMeta' = 'ledger.documentMeta',
) {
  const type = file.contentType === 'application/pdf' ? t('ledger.documentPdf') : t('ledger.documentImage');
  const size =
    file.size < 1024 * 1024
      ? `${Math.max(1, Math.round(file.size / 1024))} KB`
      : `${(file.size / 1048576).toFixed(1)} MB`;
  return t(words, { type, size, date: formatDateTime(file.uploadedAt) });
}

/** An audit report's period: a year (`2026年度`) or a month as formatMonth says it. */
export const auditPeriod = (period: string) =>
  period.length === 4 ? t('ledger.auditYear', { year: period }) : formatMonth(period);
