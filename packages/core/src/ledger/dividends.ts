import { countingArea, type DividendShareQuery } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { audit, type AuditContext } from '../audit.ts';
import { AppError } from '../errors.ts';
import { encodeCursor, invalidCursor } from '../pagination.ts';
import { verifiedOwnerIds } from '../registry.ts';
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
    shares: list.map((owner, i) => ({
      key: owner.key,
      ownerIds: owner.ownerIds,
      unitIds: owner.unitIds,
      area: owner.area,
      fen: shares[i]!.fen,
    })),
  });
  await audit(tx, context, {
    action: 'ledger.dividend_declared',
    targetType: 'ledger_dividend',
    targetId: id,
    details: { ...input, owners: list.length },
  });
  return ledgerDividend(tx, id);
}

/**
 * Records shares as paid, posting what left the account (debit 应付分红, credit the account paid from). The
 * distribution is locked while it is paid, and shares already paid are left as they are, so the same list sent twice
 * (or twice at once) pays once.
 */
export async function payDividendShares(
  tx: Tx,
  context: AuditContext,
  id: string,
  input: { ownerKeys: string[]; occurredOn: string; payAccountId: string },
) {
  const [dividend] = await tx.select().from(dv).where(eq(dv.id, id)).for('update');
  if (!dividend) throw new AppError('not_found');
  const accounts = await accountsById(tx, [input.payAccountId], 'payAccountId');
  if (accounts.get(input.payAccountId)!.type !== 'asset') throw accountOfType('payAccountId', 'asset');
  const wanted = new Set(input.ownerKeys);
  const paid = new Set(
    (await tx.select({ key: sh.ownerKey }).from(sh).where(eq(sh.dividendId, id))).map((row) => row.key),
  );
  const due = dividend.shares.filter((share) => wanted.has(share.key) && !paid.has(share.key));
  if (due.length === 0) return ledgerDividend(tx, id);
  const total = due.reduce((sum, share) => sum + share.fen, 0);
  // A share of nothing (an owner whose share rounded to 0 fen) is settled by the declaration's entry.
  let entryId = dividend.entryId;
  if (total > 0) {
    const payable = await accountFor(tx, 'dividends_payable');
    entryId = await postEntry(tx, context, {
      kind: 'dividend_payment',
      occurredOn: input.occurredOn,
      memo: `${dividend.title}（${due.length}户）`,
      lines: [
        { accountId: payable.id, amountFen: total },
        { accountId: input.payAccountId, amountFen: -total },
      ],
      dividendId: id,
    });
  }
  await tx.insert(sh).values(
    due.map((share) => ({
      tenantId: context.tenantId,
      dividendId: id,
      ownerKey: share.key,
      ownerIds: share.ownerIds,
      unitIds: share.unitIds,
      area: share.area,
      fen: share.fen,
      paidAt: context.at,
      paymentEntryId: entryId,
    })),
  );
  await audit(tx, context, {
    action: 'ledger.dividend_paid',
    targetType: 'ledger_dividend',
    targetId: id,
    details: { owners: due.length, totalFen: total, occurredOn: input.occurredOn },
  });
  return ledgerDividend(tx, id);
}

/** The distribution's figures, without reading its shares. */
const summary = {
  id: dv.id,
  title: dv.title,
  totalFen: dv.totalFen,
  totalArea: dv.totalArea,
  declaredOn: dv.declaredOn,
  owners: sql<number>`jsonb_array_length(${dv.shares})`,
  paidOwners: sql<number>`(select count(*)::int from ${sh} where ${sh.dividendId} = ${dv.id})`,
  paidFen: sql<string>`(select coalesce(sum(${sh.fen}), 0) from ${sh} where ${sh.dividendId} = ${dv.id})`,
};

const figures = (row: {
  id: string;
  title: string;
  totalFen: number;
  totalArea: number;
  declaredOn: string;
  owners: number;
  paidOwners: number;
  paidFen: string;
}) => ({ ...row, owners: Number(row.owners), paidOwners: Number(row.paidOwners), paidFen: Number(row.paidFen) });

export async function ledgerDividends(tx: Tx) {
  const rows = await tx.select(summary).from(dv).orderBy(desc(dv.declaredOn), desc(dv.createdAt));
  return rows.map(figures);
}

export async function ledgerDividend(tx: Tx, id: string) {
  const [row] = await tx.select(summary).from(dv).where(eq(dv.id, id));
  if (!row) throw new AppError('not_found');
  return figures(row);
}

/** A share's key as `countingOwners` makes it: the developer's, or `owners:` and the sorted owner ids. */
const SHARE_KEY =
  /^(developer|owners:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})*)$/;

/**
 * The owner key a shares cursor points after (`encodeCursor` of the last key of a page). Shares are keyed by owner
 * sets, not ids, so the id cursors' decoder cannot read them; like it, this one refuses a cursor it did not make.
 */
function shareCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let key = '';
  try {
    if (/^[A-Za-z0-9_-]+$/.test(cursor)) key = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    // not base64: refused below
  }
  if (!SHARE_KEY.test(key)) throw invalidCursor();
  return key;
}

/** Ids sent as one JSON parameter, whatever their number (the developer's share may name thousands of units). */
const idList = (ids: readonly string[]) =>
  sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;

/**
 * A page of a distribution's shares, by owner key, for the treasurer paying them (20,000 owners are never sent at
 * once): those of owners whose name, or units whose address, contains `q`, paid or not; with how many match and how
 * many of those (and how much) were paid. Names and addresses are read for the page only.
 */
export async function dividendShares(tx: Tx, id: string, query: DividendShareQuery) {
  const after = shareCursor(query.cursor);
  const [dividend] = await tx.select({ id: dv.id }).from(dv).where(eq(dv.id, id));
  if (!dividend) throw new AppError('not_found');
  // Keys in byte order, whatever the database's collation: the order they were always listed in (these ASCII keys sort
  // alike by localeCompare), and the one the cursor's `>` must follow.
  const key = sql`(s.value->>'key') collate "C"`;
  const q = query.q?.trim();
  // The owners and units the search hits are found first, once, as one JSON object keyed by id (an uncorrelated
  // subquery: evaluated once); each share is then looked up in it by its own ids. Joined instead, the planner (which
  // takes jsonb_array_elements for 100 rows) may expand the 20,000 shares again for every hit. The address is spelt as
  // addressOf spells it.
  const hits = q
    ? sql`exists (
        select 1 from jsonb_array_elements_text((s.value->'ownerIds') || (s.value->'unitIds')) x
        where (
          select coalesce(jsonb_object_agg(hit.id, true), '{}'::jsonb) from (
            select o.id::text as id from ${schema.owners} o where strpos(lower(o.name), lower(${q})) > 0
            union all
            select u.id::text from ${schema.units} u join ${schema.buildings} b on b.id = u.building_id
            where strpos(lower(concat_ws(' ', nullif(b.name, ''), nullif(u.entrance, ''), nullif(u.room, ''))), lower(${q})) > 0
          ) hit
        ) ? x.value)`
    : undefined;
  const paid =
    query.status === 'paid'
      ? sql`p.owner_key is not null`
      : query.status === 'unpaid'
        ? sql`p.owner_key is null`
        : undefined;
  const where = (...conditions: (SQL | undefined)[]) =>
    sql.join([sql`d.id = ${id}`, ...conditions.filter((c) => c !== undefined)], sql` and `);
  const shares = sql`${dv} d
    cross join lateral jsonb_array_elements(d.shares) s
    left join ${sh} p on p.dividend_id = d.id and p.owner_key = s.value->>'key'`;

  const { rows: counted } = await tx.execute<{ total: number; paid_count: number; paid_fen: string }>(sql`
    select count(*)::int as total, count(p.owner_key)::int as paid_count, coalesce(sum(p.fen), 0)::text as paid_fen
    from ${shares} where ${where(hits, paid)}`);
  const { rows } = await tx.execute<{ share: schema.DividendShareRow; paid_at: Date | string | null }>(sql`
    select s.value as share, p.paid_at
    from ${shares} where ${where(hits, paid, after === undefined ? undefined : sql`${key} > ${after}`)}
    order by ${key} limit ${query.limit + 1}`);
  const items = rows.slice(0, query.limit);

  const ownerIds = [...new Set(items.flatMap((row) => row.share.ownerIds))];
  const unitIds = [...new Set(items.flatMap((row) => row.share.unitIds))];
  const o = schema.owners;
  const u = schema.units;
  const names = new Map(
    ownerIds.length
      ? (
          await tx
            .select({ id: o.id, name: o.name })
            .from(o)
            .where(inArray(o.id, idList(ownerIds)))
        ).map((owner) => [owner.id, owner.name])
      : [],
  );
  const units = new Map(
    unitIds.length
      ? (
          await tx
            .select({ id: u.id, buildingName: schema.buildings.name, entrance: u.entrance, room: u.room })
            .from(u)
            .innerJoin(schema.buildings, eq(schema.buildings.id, u.buildingId))
            .where(inArray(u.id, idList(unitIds)))
        ).map((unit) => [unit.id, addressOf(unit)])
      : [],
  );
  const last = items.at(-1);
  return {
    items: items.map(({ share, paid_at }) => ({
      ownerKey: share.key,
      ownerNames: share.ownerIds.map((ownerId) => names.get(ownerId) ?? ''),
      units: share.unitIds.map((unitId) => units.get(unitId) ?? ''),
      area: Number(share.area),
      fen: Number(share.fen),
      paidAt: paid_at === null ? null : new Date(paid_at).toISOString(),
    })),
    total: counted[0]!.total,
    paidCount: counted[0]!.paid_count,
    paidFen: Number(counted[0]!.paid_fen),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.share.key) : null,
  };
}

/**
 * A person's own shares: those of the registry owners they are verified as, found inside each distribution's shares
 * by owner id.
 */
export async function myDividends(tx: Tx, userId: string) {
  const ownerIds = await verifiedOwnerIds(tx, userId);
  if (ownerIds.length === 0) return [];
  const { rows } = await tx.execute<{
    dividend_id: string;
    title: string;
    declared_on: string;
    share: schema.DividendShareRow;
    paid_at: Date | string | null;
  }>(sql`
    select d.id as dividend_id, d.title, d.declared_on::text as declared_on, s.value as share, p.paid_at
    from ${dv} d
    cross join lateral jsonb_array_elements(d.shares) s
    left join ${sh} p on p.dividend_id = d.id and p.owner_key = s.value->>'key'
    where s.value->'ownerIds' ?| array[${sql.join(
      ownerIds.map((ownerId) => sql`${ownerId}`),
      sql`, `,
    )}]::text[]
    order by d.declared_on desc`);
  return rows.map((row) => ({
    dividendId: row.dividend_id,
    title: row.title,
    declaredOn: row.declared_on,
    area: Number(row.share.area),
    fen: Number(row.share.fen),
    paidAt: row.paid_at === null ? null : new Date(row.paid_at).toISOString(),
  }));
}
