import { countingArea } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { and, arrayOverlaps, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { allUnits, verifiedOwnerIds } from '../registry.ts';
import { addressOf } from '../verification.ts';
import { countingOwners, RollError, type RollUnit } from '../voting/counting-owners.ts';
import { accountFor, accountsById } from './accounts.ts';
import { allocateByArea } from './allocate.ts';
import { accountOfType, postEntry } from './entries.ts';

const dv = schema.ledgerDividends;
const sh = schema.ledgerDividendShares;

/**
 * The owners of the day as they count for a distribution: counting owners (DOMAIN.md §2) with their areas, from only
 * the columns that decide them (20,000 units are read in two plain scans).
 */
async function owners(tx: Tx) {
  const u = schema.units;
  const uo = schema.unitOwners;
  const units = await tx
    .select({
      id: u.id,
      registeredArea: u.registeredArea,
      measuredArea: u.measuredArea,
      contractArea: u.contractArea,
      saleStatus: u.saleStatus,
    })
    .from(u);
  const links = await tx.select({ unitId: uo.unitId, ownerId: uo.ownerId }).from(uo).where(isNull(uo.until));
  const byUnit = Map.groupBy(links, (link) => link.unitId);
  const roll: RollUnit[] = units.map((unit) => ({
    unitId: unit.id,
    area: countingArea(unit)?.area ?? null,
    saleStatus: unit.saleStatus,
    ownerIds: (byUnit.get(unit.id) ?? []).map((o) => o.ownerId),
    designatedVoterId: null,
  }));
  try {
    return countingOwners(roll).owners;
  } catch (error) {
    if (!(error instanceof RollError)) throw error;
    throw new AppError('dividend_no_owners', {
      detail: {
        'zh-CN': `房屋登记中有 ${error.problems.length} 套房屋缺少面积或业主，补全后才能按面积分红。`,
        en: `${error.problems.length} units in the registry have no area or no owner; complete them to share by area.`,
      },
    });
  }
}

/**
 * Declares a distribution (分红): the amount shared among the counting owners by exclusive area (`allocateByArea`),
 * posted as owed to them (debit 分红, credit 应付分红); each share is then paid and marked as paid.
 */
export async function declareDividend(
  tx: Tx,
  context: AuditContext,
  input: { title: string; totalFen: number; declaredOn: string },
) {
  const list = (await owners(tx)).filter((owner) => owner.area > 0);
  if (list.length === 0) throw new AppError('dividend_no_owners');
  const shares = allocateByArea(
    input.totalFen,
    list.map((owner) => ({ id: owner.key, area: owner.area })),
  );
  const dividends = await accountFor(tx, 'dividends');
  const payable = await accountFor(tx, 'dividends_payable');
  const id = uuidv7();
  const entryId = await postEntry(tx, context, {
    kind: 'dividend',
    occurredOn: input.declaredOn,
    memo: input.title,
    lines: [
      { accountId: dividends.id, amountFen: input.totalFen },
      { accountId: payable.id, amountFen: -input.totalFen },
    ],
    dividendId: id,
  });
  await tx.insert(dv).values({
    id,
    tenantId: context.tenantId,
    title: input.title,
    totalFen: input.totalFen,
    totalArea: list.reduce((sum, owner) => sum + owner.area, 0),
    declaredOn: input.declaredOn,
    declaredBy: context.actor.id!,
    entryId,
  });
  // All shares in one statement, as one JSON parameter: 20,000 owners are one round trip, not 140,000 parameters.
  const rows = list.map((owner, i) => ({
    owner_key: owner.key,
    owner_ids: owner.ownerIds,
    unit_ids: owner.unitIds,
    area: owner.area,
    fen: shares[i]!.fen,
  }));
  await tx.execute(sql`
    insert into ledger_dividend_shares (tenant_id, dividend_id, owner_key, owner_ids, unit_ids, area, fen)
    select ${context.tenantId}, ${id}, x.owner_key, x.owner_ids, x.unit_ids, x.area, x.fen
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(owner_key text, owner_ids uuid[], unit_ids uuid[], area bigint, fen bigint)`);
  await audit(tx, context, {
    action: 'ledger.dividend_declared',
    targetType: 'ledger_dividend',
    targetId: id,
    details: { ...input, owners: list.length },
  });
  return ledgerDividend(tx, id);
}

/**
 * Marks shares paid, posting what left the account (debit 应付分红, credit the account paid from). Shares already
 * paid are left as they are, so the same list sent twice pays once.
 */
export async function payDividendShares(
  tx: Tx,
  context: AuditContext,
  id: string,
  input: { ownerKeys: string[]; occurredOn: string; payAccountId: string },
) {
  const [dividend] = await tx.select().from(dv).where(eq(dv.id, id));
  if (!dividend) throw new AppError('not_found');
  const accounts = await accountsById(tx, [input.payAccountId], 'payAccountId');
  if (accounts.get(input.payAccountId)!.type !== 'asset') throw accountOfType('payAccountId', 'asset');
  const due = await tx
    .select({ ownerKey: sh.ownerKey, fen: sh.fen })
    .from(sh)
    .where(and(eq(sh.dividendId, id), inArray(sh.ownerKey, input.ownerKeys), isNull(sh.paidAt)))
    .for('update');
  const total = due.reduce((sum, share) => sum + share.fen, 0);
  if (total > 0) {
    const payable = await accountFor(tx, 'dividends_payable');
    const entryId = await postEntry(tx, context, {
      kind: 'dividend_payment',
      occurredOn: input.occurredOn,
      memo: `${dividend.title}（${due.length}户）`,
      lines: [
        { accountId: payable.id, amountFen: total },
        { accountId: input.payAccountId, amountFen: -total },
      ],
      dividendId: id,
    });
    await tx
      .update(sh)
      .set({ paidAt: context.at, paymentEntryId: entryId })
      .where(
        and(
          eq(sh.dividendId, id),
          inArray(
            sh.ownerKey,
            due.map((share) => share.ownerKey),
          ),
        ),
      );
  }
  // A share of nothing (an owner whose share rounded to 0 fen) is settled without an entry.
  await tx
    .update(sh)
    .set({ paidAt: context.at, paymentEntryId: dividend.entryId })
    .where(and(eq(sh.dividendId, id), inArray(sh.ownerKey, input.ownerKeys), isNull(sh.paidAt), eq(sh.fen, 0)));
  await audit(tx, context, {
    action: 'ledger.dividend_paid',
    targetType: 'ledger_dividend',
    targetId: id,
    details: { owners: due.length, totalFen: total, occurredOn: input.occurredOn },
  });
  return ledgerDividend(tx, id);
}

export async function ledgerDividends(tx: Tx) {
  const rows = await tx.select({ id: dv.id }).from(dv).orderBy(desc(dv.declaredOn), desc(dv.createdAt));
  return Promise.all(rows.map((row) => ledgerDividend(tx, row.id)));
}

export async function ledgerDividend(tx: Tx, id: string) {
  const [row] = await tx.select().from(dv).where(eq(dv.id, id));
  if (!row) throw new AppError('not_found');
  const [figures] = await tx
    .select({
      owners: sql<number>`count(*)::int`,
      paidOwners: sql<number>`count(${sh.paidAt})::int`,
      paidFen: sql<string>`coalesce(sum(${sh.fen}) filter (where ${sh.paidAt} is not null), 0)`,
    })
    .from(sh)
    .where(eq(sh.dividendId, id));
  return {
    id: row.id,
    title: row.title,
    totalFen: row.totalFen,
    totalArea: row.totalArea,
    declaredOn: row.declaredOn,
    owners: figures!.owners,
    paidOwners: figures!.paidOwners,
    paidFen: Number(figures!.paidFen),
  };
}

/** Every share of a distribution with the owners' names and units, for the treasurer paying them. */
export async function dividendShares(tx: Tx, id: string) {
  await ledgerDividend(tx, id);
  const rows = await tx.select().from(sh).where(eq(sh.dividendId, id)).orderBy(asc(sh.ownerKey));
  const ownerIds = [...new Set(rows.flatMap((row) => row.ownerIds))];
  const names = ownerIds.length
    ? await tx
        .select({ id: schema.owners.id, name: schema.owners.name })
        .from(schema.owners)
        .where(inArray(schema.owners.id, ownerIds))
    : [];
  const nameOf = new Map(names.map((owner) => [owner.id, owner.name]));
  const units = new Map((await allUnits(tx)).map((unit) => [unit.id, addressOf(unit)]));
  return rows.map((row) => ({
    ownerKey: row.ownerKey,
    ownerNames: row.ownerIds.map((ownerId) => nameOf.get(ownerId) ?? ''),
    units: row.unitIds.map((unitId) => units.get(unitId) ?? ''),
    area: row.area,
    fen: row.fen,
    paidAt: row.paidAt?.toISOString() ?? null,
  }));
}

/** A person's own shares: those of the registry owners they are verified as. */
export async function myDividends(tx: Tx, userId: string) {
  const ownerIds = await verifiedOwnerIds(tx, userId);
  if (ownerIds.length === 0) return [];
  const rows = await tx
    .select({
      dividendId: dv.id,
      title: dv.title,
      declaredOn: dv.declaredOn,
      area: sh.area,
      fen: sh.fen,
      paidAt: sh.paidAt,
    })
    .from(sh)
    .innerJoin(dv, eq(dv.id, sh.dividendId))
    .where(arrayOverlaps(sh.ownerIds, ownerIds))
    .orderBy(desc(dv.declaredOn));
  return rows.map((row) => ({ ...row, paidAt: row.paidAt?.toISOString() ?? null }));
}
