import { schema, type Tx } from '@city/db';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { DISCLOSURE_DAYS, disclosureNotice, notices } from '../notices.ts';
import type { NotificationOutbox } from '../notifications/index.ts';

const d = schema.ledgerDocuments;
const MAX_PER_ITEM = 10;
const listed = { id: d.id, name: d.name, contentType: d.contentType, size: d.size, uploadedAt: d.uploadedAt };

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
  return attach(tx, context, { kind: 'evidence', ...about }, upload, {
    action: 'ledger.evidence_added',
    targetType: 'entryId' in about ? 'ledger_entry' : 'ledger_expense',
    targetId: target.id,
  });
}

/**
 * Keeps a file on what it belongs to (at most ten each), reading the upload only now that the target was found, and
 * records it in the audit trail.
 */
async function attach(
  tx: Tx,
  context: AuditContext,
  about:
    | { kind: 'evidence'; entryId: string }
    | { kind: 'evidence'; expenseId: string }
    | { kind: 'registration'; termId: string },
  upload: () => Promise<LedgerFile>,
  trail: { action: string; targetType: string; targetId: string },
) {
  const on =
    'entryId' in about
      ? eq(d.entryId, about.entryId)
      : 'expenseId' in about
        ? eq(d.expenseId, about.expenseId)
        : eq(d.termId, about.termId);
  const [{ n }] = (await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(d)
    .where(on)) as [{ n: number }];
  if (n >= MAX_PER_ITEM) throw new AppError('too_many_documents');
  const file = await upload();
  const [row] = await tx
    .insert(d)
    .values({
      tenantId: context.tenantId,
      ...about,
      name: file.name,
      contentType: file.contentType,
      bytes: file.bytes,
      size: file.bytes.byteLength,
      uploadedBy: context.actor.id!,
      uploadedAt: context.at,
    })
    .returning(listed);
  await audit(tx, context, {
    ...trail,
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
    .returning({ ...listed, period: d.period });
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
  await tx.update(d).set({ noticeId: published.id }).where(eq(d.id, row!.id));
  await audit(tx, context, {
    action: 'ledger.audit_report_added',
    targetType: 'ledger_document',
    targetId: row!.id,
    details: { period, name: file.name, size: file.bytes.byteLength, noticeId: published.id },
  });
  return { ...row!, period: row!.period!, uploadedAt: row!.uploadedAt.toISOString(), noticeId: published.id };
}

/**
 * The current term's papers (the 备案 receipt, the 民办非企业单位 registration certificate, the account's licence):
 * what the filing recorded, shown with it. The upload is read only once a current term is found.
 */
export async function addRegistrationDocument(tx: Tx, context: AuditContext, upload: () => Promise<LedgerFile>) {
  const t = schema.committeeTerms;
  const [term] = await tx.select({ id: t.id }).from(t).where(isNull(t.endedOn));
  if (!term) throw new AppError('not_found');
  return attach(tx, context, { kind: 'registration', termId: term.id }, upload, {
    action: 'governance.registration_document_added',
    targetType: 'committee_term',
    targetId: term.id,
  });
}

/** A term's papers, oldest first. */
export async function registrationDocuments(tx: Tx, termId: string) {
  const rows = await tx.select(listed).from(d).where(eq(d.termId, termId)).orderBy(asc(d.uploadedAt), asc(d.id));
  return rows.map((row) => ({ ...row, uploadedAt: row.uploadedAt.toISOString() }));
}

export async function auditReports(tx: Tx) {
  const rows = await tx
    .select({ ...listed, period: d.period, noticeId: d.noticeId })
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
