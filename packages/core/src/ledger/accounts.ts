import type { LedgerAccount, LedgerAccountInput, LedgerAccountType } from '@city/contracts';
import { isUniqueViolation, schema, type Tx } from '@city/db';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { AppError, fieldError } from '../errors.ts';
import { naturalBalance } from './journal.ts';

const a = schema.ledgerAccounts;

/**
 * The chart every neighbourhood starts with (issue 20): income 停车/广告/场地租赁/其他, expenses 维修/补贴物业费/分红/
 * 审计/办公, assets 对公账户/现金, a liability for dividends declared and not yet paid, and net assets. `purpose` is the
 * stable name the ledger's own postings (dividends) and the portal's translations use.
 */
export const DEFAULT_ACCOUNTS: readonly { code: string; name: string; type: LedgerAccountType; purpose: string }[] = [
  { code: '1001', name: '现金', type: 'asset', purpose: 'cash' },
  { code: '1002', name: '对公账户', type: 'asset', purpose: 'bank' },
  { code: '2201', name: '应付分红', type: 'liability', purpose: 'dividends_payable' },
  { code: '2241', name: '其他应付款', type: 'liability', purpose: 'other_payable' },
  { code: '3001', name: '净资产', type: 'equity', purpose: 'net_assets' },
  { code: '4001', name: '停车收入', type: 'income', purpose: 'parking' },
  { code: '4002', name: '广告收入', type: 'income', purpose: 'advertising' },
  { code: '4003', name: '场地租赁收入', type: 'income', purpose: 'venue_rental' },
  { code: '4099', name: '其他收入', type: 'income', purpose: 'other_income' },
  { code: '5001', name: '维修支出', type: 'expense', purpose: 'repairs' },
  { code: '5002', name: '补贴物业费', type: 'expense', purpose: 'property_fee_subsidy' },
  { code: '5003', name: '分红', type: 'expense', purpose: 'dividends' },
  { code: '5004', name: '审计费', type: 'expense', purpose: 'audit' },
  { code: '5005', name: '办公费', type: 'expense', purpose: 'office' },
];

/** A new neighbourhood's chart: the defaults (those opened before the ledger existed got them in migration 0038). */
export async function openChart(tx: Tx, tenantId: string) {
  await tx.insert(a).values(DEFAULT_ACCOUNTS.map((account) => ({ tenantId, ...account })));
}

/** The chart with each account's balance on its own side, in code order. */
export async function ledgerAccounts(tx: Tx): Promise<LedgerAccount[]> {
  const b = schema.ledgerBalances;
  const sums = await tx
    .select({ accountId: b.accountId, sum: sql<string>`sum(${b.amountFen})` })
    .from(b)
    .groupBy(b.accountId);
  const byAccount = new Map(sums.map((s) => [s.accountId, Number(s.sum)]));
  const rows = await tx.select().from(a).orderBy(asc(a.code));
  return rows.map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    purpose: row.purpose,
    balanceFen: naturalBalance(row.type, byAccount.get(row.id) ?? 0),
  }));
}

export async function addLedgerAccount(tx: Tx, context: AuditContext, input: LedgerAccountInput) {
  try {
    const [row] = await tx
      .insert(a)
      .values({ tenantId: context.tenantId, ...input })
      .returning();
    await audit(tx, context, {
      action: 'ledger.account_added',
      targetType: 'ledger_account',
      targetId: row!.id,
      details: input,
    });
    return { id: row!.id, code: row!.code, name: row!.name, type: row!.type, purpose: null, balanceFen: 0 };
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('conflict', { fields: [codeTaken] });
    throw error;
  }
}

const codeTaken = {
  path: 'code',
  code: 'conflict',
  message: { 'zh-CN': '该科目编码已被使用', en: 'This account code is already in use' },
};

/** The accounts an entry names, by id; refuses an id that is not an account of this neighbourhood. */
export async function accountsById(tx: Tx, ids: readonly string[], field: string) {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await tx.select().from(a).where(inArray(a.id, unique)) : [];
  if (rows.length !== unique.length) throw fieldError(field, 'id_invalid');
  return new Map(rows.map((row) => [row.id, row]));
}

/** A default account by its purpose; every chart has them (they cannot be removed). */
export async function accountFor(tx: Tx, purpose: string) {
  const [row] = await tx.select().from(a).where(eq(a.purpose, purpose));
  if (!row) throw new Error(`the chart has no ${purpose} account`);
  return row;
}
