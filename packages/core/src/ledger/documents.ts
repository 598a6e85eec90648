import { schema, type Tx } from '@city/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { DISCLOSURE_DAYS, disclosureNotice, notices } from '../notices.ts';
import type { NotificationOutbox } from '../notifications/index.ts';

const d = schema.ledgerDocuments;
const MAX_PER_ITEM = 10;

export interface LedgerFile {
  name: string;
  contentType: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Evidence for a posted entry or an expense (a receipt, a contract, a quote): any member can open it. The upload is
 * read only once the entry or expense is found, so another neighbourhood's id is a 404 whatever was sent.
 */
export async function addEvidence(
  tx: Tx,
  context: AuditContext,
  about: { entryId: string } | { expenseId: string },
  upload: () => Promise<LedgerFile>,
) {
  const [target] =
    'entryId' in about
      ? await tx
          .select({ id: schema.ledgerEntries.id })
          .from(schema.ledgerEntries)
          .where(eq(schema.ledgerEntries.id, about.entryId))
      : await tx
          .select({ id: schema.ledgerExpenses.id })
          .from(schema.ledgerExpenses)
          .where(eq(schema.ledgerExpenses.id, about.expenseId));
  if (!target) throw new AppError('not_found');
  const column = 'entryId' in about ? d.entryId : d.expenseId;
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .where(eq(column, target.id))) as [{ n: number }];
  if (n >= MAX_PER_ITEM) throw new AppError('too_many_documents');
  const file = await upload();
  const [row] = await tx
    .insert(d)
    .values({
      tenantId: context.tenantId,
      kind: 'evidence',
      ...about,
      name: file.name,
      contentType: file.contentType,
      bytes: file.bytes,
      size: file.bytes.byteLength,
      uploadedBy: context.actor.id!,
      uploadedAt: context.at,
    })
    .returning({ id: d.id, name: d.name, contentType: d.contentType, size: d.size, uploadedAt: d.uploadedAt });
  await audit(tx, context, {
    action: 'ledger.evidence_added',
    targetType: 'entryId' in about ? 'ledger_entry' : 'ledger_expense',
    targetId: target.id,
    details: { documentId: row!.id, name: file.name, size: file.bytes.byteLength },
  });
  return { ...row!, uploadedAt: row!.uploadedAt.toISOString() };
}

/**
 * A third-party audit report of a year or a month, kept and published to 公示 at once (DOMAIN.md §3: audits of
 * public revenue are published), the report attached.
 */
export async function addAuditReport(
  tx: Tx,
  context: AuditContext,
  period: string,
  file: LedgerFile,
  links: { document: (id: string) => string },
  notifications: NotificationOutbox,
) {
  const [row] = await tx
    .insert(d)
    .values({
      tenantId: context.tenantId,
      kind: 'audit_report',
      period,
      name: file.name,
      contentType: file.contentType,
      bytes: file.bytes,
      size: file.bytes.byteLength,
      uploadedBy: context.actor.id!,
      uploadedAt: context.at,
    })
    .returning({
      id: d.id,
      period: d.period,
      name: d.name,
      contentType: d.contentType,
      size: d.size,
      uploadedAt: d.uploadedAt,
    });
  const label = period.length === 4 ? `${period}年度` : `${period.slice(0, 4)}年${Number(period.slice(5))}月`;
  const notice = disclosureNotice(context.at, {
    title: `公共收益审计报告公示（${label}）`,
    body: [
      `第三方审计机构对本小区${label}公共收益的审计报告已收到，全文见附件。`,
      `公示期 ${DISCLOSURE_DAYS} 天，如有异议请在公示期内向业主委员会或业主监督委员会提出。`,
    ],
    days: DISCLOSURE_DAYS,
    attachments: [{ name: file.name, url: links.document(row!.id) }],
  });
  const published = await notices.publishNow(tx, context, notice, 'ledger', notifications);
  await audit(tx, context, {
    action: 'ledger.audit_report_added',
    targetType: 'ledger_document',
    targetId: row!.id,
    details: { period, name: file.name, size: file.bytes.byteLength, noticeId: published.id },
  });
  return { ...row!, period: row!.period!, uploadedAt: row!.uploadedAt.toISOString(), noticeId: published.id };
}

export async function auditReports(tx: Tx) {
  const rows = await tx
    .select({
      id: d.id,
      period: d.period,
      name: d.name,
      contentType: d.contentType,
      size: d.size,
      uploadedAt: d.uploadedAt,
    })
    .from(d)
    .where(eq(d.kind, 'audit_report'))
    .orderBy(desc(d.period), desc(d.uploadedAt));
  return rows.map((row) => ({ ...row, period: row.period!, uploadedAt: row.uploadedAt.toISOString() }));
}

/** A kept document's bytes and the type it was stored as. */
export async function ledgerDocument(tx: Tx, id: string) {
  const [row] = await tx
    .select({ name: d.name, contentType: d.contentType, bytes: d.bytes })
    .from(d)
    .where(and(eq(d.id, id)));
  if (!row) throw new AppError('not_found');
  return row;
}
