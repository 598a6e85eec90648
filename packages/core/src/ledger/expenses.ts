import type { Expense, ExpenseInput, ExpensePaymentInput, ExpenseSignatureInput } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { accountsById } from './accounts.ts';
import { currentSigners } from './committee.ts';
import { accountOfType, postEntry } from './entries.ts';
import { memberNames } from './names.ts';
import { ledgerSettings } from './settings.ts';

const x = schema.ledgerExpenses;
const s = schema.ledgerExpenseSignatures;

/** An expense proposed: the rules of the day (approvals, countersignature) travel with it. */
export async function proposeExpense(tx: Tx, context: AuditContext, input: ExpenseInput) {
  const accounts = await accountsById(tx, [input.expenseAccountId], 'expenseAccountId');
  if (accounts.get(input.expenseAccountId)!.type !== 'expense') throw accountOfType('expenseAccountId', 'expense');
  const settings = await ledgerSettings(tx);
  const [row] = await tx
    .insert(x)
    .values({
      tenantId: context.tenantId,
      ...input,
      status: 'proposed',
      approvalsNeeded: settings.approvalsNeeded,
      countersignNeeded: input.amountFen > settings.countersignAboveFen ? 1 : 0,
      proposedBy: context.actor.id!,
      proposedAt: context.at,
    })
    .returning({ id: x.id });
  await audit(tx, context, {
    action: 'ledger.expense_proposed',
    targetType: 'ledger_expense',
    targetId: row!.id,
    details: input,
  });
  return ledgerExpense(tx, row!.id);
}

/**
 * The expense, locked for the rest of the transaction: signatures given at the same moment are counted one after
 * the other, so the last one needed always sees the others and the expense is approved exactly once.
 */
async function lockedExpense(tx: Tx, id: string) {
  const [row] = await tx.select().from(x).where(eq(x.id, id)).for('update');
  if (!row) throw new AppError('not_found');
  return row;
}

/**
 * A signature. Committee members other than the proposer approve or refuse; supervisors countersign or refuse where
 * the amount needs it. One refusal rejects the expense; the last signature needed approves it. Signing twice
 * changes nothing.
 */
export async function signExpense(tx: Tx, context: AuditContext, id: string, input: ExpenseSignatureInput) {
  const expense = await lockedExpense(tx, id);
  if (expense.status !== 'proposed') throw new AppError('expense_not_open');
  const supervisory = input.decision === 'countersign' || input.decision === 'refuse_countersign';
  const body = supervisory ? 'supervisory' : 'committee';
  const signer = context.actor.id!;
  if (!(await currentSigners(tx, body)).has(signer)) throw new AppError('not_a_signer');
  if (supervisory && expense.countersignNeeded === 0) throw new AppError('expense_not_open');
  if (!supervisory && signer === expense.proposedBy) throw new AppError('expense_own_proposal');

  const decision = input.decision === 'approve' || input.decision === 'countersign' ? 'approve' : 'reject';
  const [added] = await tx
    .insert(s)
    .values({
      tenantId: context.tenantId,
      expenseId: id,
      body,
      userId: signer,
      decision,
      note: input.note ?? null,
      signedAt: context.at,
    })
    .onConflictDoNothing()
    .returning({ userId: s.userId });
  if (!added) return ledgerExpense(tx, id);

  const signatures = await tx.select().from(s).where(eq(s.expenseId, id));
  const approvals = signatures.filter((sig) => sig.body === 'committee' && sig.decision === 'approve').length;
  const countersigns = signatures.filter((sig) => sig.body === 'supervisory' && sig.decision === 'approve').length;
  const status =
    decision === 'reject'
      ? 'rejected'
      : approvals >= expense.approvalsNeeded && countersigns >= expense.countersignNeeded
        ? 'approved'
        : 'proposed';
  if (status !== 'proposed') await tx.update(x).set({ status, decidedAt: context.at }).where(eq(x.id, id));
  await audit(tx, context, {
    action: `ledger.expense_${input.decision}`,
    targetType: 'ledger_expense',
    targetId: id,
    details: { note: input.note ?? null, status },
  });
  return ledgerExpense(tx, id);
}

/** The proposer takes back an expense nobody has decided yet. */
export async function withdrawExpense(tx: Tx, context: AuditContext, id: string) {
  const expense = await lockedExpense(tx, id);
  if (expense.proposedBy !== context.actor.id) throw new AppError('forbidden');
  if (expense.status !== 'proposed') throw new AppError('expense_not_open');
  await tx.update(x).set({ status: 'withdrawn', decidedAt: context.at }).where(eq(x.id, id));
  await audit(tx, context, {
    action: 'ledger.expense_withdrawn',
    targetType: 'ledger_expense',
    targetId: id,
    details: {},
  });
  return ledgerExpense(tx, id);
}

/** Pays an approved expense: posts it to the journal, once (a second payment finds it paid). */
export async function payExpense(tx: Tx, context: AuditContext, id: string, input: ExpensePaymentInput) {
  const expense = await lockedExpense(tx, id);
  if (expense.status !== 'approved') throw new AppError('expense_not_open');
  const accounts = await accountsById(tx, [input.payAccountId], 'payAccountId');
  if (accounts.get(input.payAccountId)!.type !== 'asset') throw accountOfType('payAccountId', 'asset');
  const entryId = await postEntry(tx, context, {
    kind: 'expense',
    occurredOn: input.occurredOn,
    memo: `${expense.title}（${expense.payee}）`,
    lines: [
      { accountId: expense.expenseAccountId, amountFen: expense.amountFen },
      { accountId: input.payAccountId, amountFen: -expense.amountFen },
    ],
    expenseId: id,
  });
  await tx.update(x).set({ status: 'paid', entryId }).where(eq(x.id, id));
  await audit(tx, context, {
    action: 'ledger.expense_paid',
    targetType: 'ledger_expense',
    targetId: id,
    details: { entryId, ...input },
  });
  return ledgerExpense(tx, id);
}

/** Expenses newest first, optionally in one status. */
export async function ledgerExpenses(tx: Tx, options: { status?: Expense['status'] } = {}) {
  const rows = await tx
    .select()
    .from(x)
    .where(options.status ? eq(x.status, options.status) : undefined)
    .orderBy(desc(x.proposedAt));
  return describe(tx, rows);
}

export async function ledgerExpense(tx: Tx, id: string): Promise<Expense> {
  const [row] = await tx.select().from(x).where(eq(x.id, id));
  if (!row) throw new AppError('not_found');
  return (await describe(tx, [row]))[0]!;
}

async function describe(tx: Tx, rows: (typeof x.$inferSelect)[]): Promise<Expense[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const a = schema.ledgerAccounts;
  const d = schema.ledgerDocuments;
  const signatures = await tx.select().from(s).where(inArray(s.expenseId, ids)).orderBy(asc(s.signedAt));
  const accounts = await tx.select({ id: a.id, name: a.name }).from(a);
  const documents = await tx
    .select({
      id: d.id,
      expenseId: d.expenseId,
      name: d.name,
      contentType: d.contentType,
      size: d.size,
      uploadedAt: d.uploadedAt,
    })
    .from(d)
    .where(and(inArray(d.expenseId, ids), eq(d.kind, 'evidence')))
    .orderBy(asc(d.uploadedAt));
  const names = await memberNames(tx, [...rows.map((row) => row.proposedBy), ...signatures.map((sig) => sig.userId)]);
  const accountName = new Map(accounts.map((account) => [account.id, account.name]));
  const signaturesOf = Map.groupBy(signatures, (sig) => sig.expenseId);
  const docsOf = Map.groupBy(documents, (doc) => doc.expenseId!);
  return rows.map((row) => {
    const signed = signaturesOf.get(row.id) ?? [];
    return {
      id: row.id,
      title: row.title,
      payee: row.payee,
      reason: row.reason,
      amountFen: row.amountFen,
      expenseAccountId: row.expenseAccountId,
      expenseAccountName: accountName.get(row.expenseAccountId) ?? '',
      status: row.status,
      approvalsNeeded: row.approvalsNeeded,
      countersignNeeded: row.countersignNeeded,
      approvals: signed.filter((sig) => sig.body === 'committee' && sig.decision === 'approve').length,
      countersigns: signed.filter((sig) => sig.body === 'supervisory' && sig.decision === 'approve').length,
      proposedBy: row.proposedBy,
      proposedByName: names.get(row.proposedBy) ?? '',
      proposedAt: row.proposedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      entryId: row.entryId,
      signatures: signed.map((sig) => ({
        body: sig.body,
        userId: sig.userId,
        name: names.get(sig.userId) ?? '',
        decision: sig.decision,
        note: sig.note,
        signedAt: sig.signedAt.toISOString(),
      })),
      documents: (docsOf.get(row.id) ?? []).map(({ expenseId: _e, uploadedAt, ...doc }) => ({
        ...doc,
        uploadedAt: uploadedAt.toISOString(),
      })),
    };
  });
}
