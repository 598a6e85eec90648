import type { PluginContext } from '@city/plugin-sdk/server';
import { countingOwners, RollError, type RollUnit } from '@city/plugin-sdk/voting';
import { keyedId, rollCommitment, type BoardOwner } from '../board/index.ts';
import { fail } from './errors.ts';
import { rollOwners, rollUnits } from '../schema.ts';

const address = (u: { buildingName: string; entrance: string; room: string }) =>
  [u.buildingName, u.entrance, u.room].filter(Boolean).join(' ');

/** Rows per insert: well under Postgres's 65,535 parameters for the widest table. */
const CHUNK = 2000;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Owner records the registry cannot tell apart (no ID number, the same name and phone) would each count as a person
 * (docs/domain.md §2.2): the roll is not frozen until the admin has confirmed every such group in the registry.
 */
async function refuseUnconfirmedLookalikes(ctx: PluginContext<unknown>) {
  const groups = await ctx.registry.unconfirmedLookalikes();
  if (!groups.length) return;
  const shown = groups.slice(0, 10);
  const list = (sep: string, or: string) =>
    shown
      .map((g) => `${g.name}（${g.owners.map((o) => o.units.map((u) => u.address).join('、')).join(or)}）`)
      .join(sep);
  const more = groups.length > shown.length ? ` …(+${groups.length - shown.length})` : '';
  throw fail('roll_lookalikes', {
    'zh-CN': `以下业主记录没有身份证号，姓名和手机号却相同，可能是同一人被录入了多次：${list('；', ' / ')}${more}。请小区管理员在“房屋登记 → 疑似同一业主”中逐组确认是同一人（合并记录）还是不同的人，然后再开始投票。`,
    en: `These owner records have no ID number but share a name and a phone, so may be one person entered more than once: ${list('; ', ' / ')}${more}. The neighbourhood admin confirms each group under “Property registry → Possible duplicate owners” (the same person: merged; different people: recorded), then voting can open.`,
  });
}

/**
 * The roll as it would freeze now: the registry's units grouped into counting owners by `countingOwners`, nothing
 * stored. A unit without an area, or delivered without an owner, is `voting.roll_incomplete` (422).
 */
export async function currentRoll(ctx: PluginContext<unknown>) {
  const registry = await ctx.registry.ownerRoll();
  const units: RollUnit[] = registry.map((u) => ({
    unitId: u.id,
    area: u.countingArea,
    saleStatus: u.saleStatus as RollUnit['saleStatus'],
    ownerIds: u.owners.map((o) => o.ownerId),
    designatedVoterId: u.owners.find((o) => o.designatedVoter)?.ownerId ?? null,
  }));
  let grouped;
  try {
    grouped = countingOwners(units);
  } catch (error) {
    if (!(error instanceof RollError)) throw error;
    const byId = new Map(registry.map((u) => [u.id, u]));
    const problems = error.problems
      .slice(0, 20)
      .map((p) => ({ unit: address(byId.get(p.unitId)!), problem: p.problem }));
    const list = (lang: 'zh-CN' | 'en') =>
      problems
        .map(
          (p) =>
            `${p.unit}（${p.problem === 'no_area' ? (lang === 'zh-CN' ? '没有登记、实测或合同面积' : 'no registered, measured or contract area') : lang === 'zh-CN' ? '已交付但没有业主' : 'delivered but has no owner'}）`,
        )
        .join(lang === 'zh-CN' ? '；' : '; ');
    const more = error.problems.length > problems.length ? ` …(+${error.problems.length - problems.length})` : '';
    throw fail('roll_incomplete', {
      'zh-CN': `请先在房屋登记中补全：${list('zh-CN')}${more}`,
      en: `Complete the registry first: ${list('en')}${more}`,
    });
  }
  return { registry, grouped };
}

export type CurrentRoll = Awaited<ReturnType<typeof currentRoll>>;

/**
 * A counting owner's id on the roll: a UUID (version 8, RFC 9562's custom layout) keyed from the counting owner's key
 * by the meeting's salt — the same owner has the same id at the announcement and at opening, and no id leads back to
 * a registry record or links two meetings.
 */
export function rollOwnerId(salt: string, key: string): string {
  const h = keyedId(salt, `roll-owner:${key}`);
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The roll as the board publishes it and its commitment covers (board/commitment.ts): every counting owner's units,
 * areas, headcount and voters under the meeting's pseudonyms (`salt`). Computed at the announcement and again at
 * opening: where the registry did not change in between, the two commitments are the same.
 */
export function committedRoll(meetingId: string, salt: string, { registry, grouped }: CurrentRoll) {
  const unitById = new Map(registry.map((u) => [u.id, u]));
  const owners: BoardOwner[] = grouped.owners.map((o) => ({
    id: rollOwnerId(salt, o.key),
    kind: o.kind,
    area: o.area,
    headcount: 1,
    units: o.unitIds.map((id) => {
      const unit = unitById.get(id)!;
      return { ref: keyedId(salt, id), building: unit.buildingId, area: unit.countingArea! };
    }),
    voters: o.voterOwnerIds.map((id) => keyedId(salt, id)),
  }));
  return { owners, commitment: rollCommitment(meetingId, owners), total: grouped.total };
}

/**
 * Freezes the owner roll at opening (docs/domain.md §2.2): the registry's units, counting areas, owners and designated
 * voters are copied into the meeting and grouped into counting owners; later registry changes do not touch them. Its
 * commitment starts the meeting's ballot chain.
 */
export async function freezeRoll(ctx: PluginContext<unknown>, meetingId: string, salt: string) {
  await refuseUnconfirmedLookalikes(ctx);
  const current = await currentRoll(ctx);
  const { registry, grouped } = current;
  const committed = committedRoll(meetingId, salt, current);
  const unitById = new Map(registry.map((u) => [u.id, u]));
  const nameOf = new Map(registry.flatMap((u) => u.owners.map((o) => [o.ownerId, o.name] as const)));
  const ownerRows = grouped.owners.map((o, i) => ({
    id: committed.owners[i]!.id,
    tenantId: ctx.tenant.id,
    meetingId,
    key: o.key,
    kind: o.kind,
    area: o.area,
    ownerIds: o.ownerIds,
    voterOwnerIds: o.voterOwnerIds,
    names: o.ownerIds.map((id) => nameOf.get(id) ?? ''),
    label: address(unitById.get(o.unitIds[0]!)!) + (o.unitIds.length > 1 ? ` +${o.unitIds.length - 1}` : ''),
  }));
  const unitRows = grouped.owners.flatMap((o, i) =>
    o.unitIds.map((unitId) => {
      const unit = unitById.get(unitId)!;
      return {
        tenantId: ctx.tenant.id,
        meetingId,
        rollOwnerId: ownerRows[i]!.id,
        unitId,
        buildingId: unit.buildingId,
        buildingName: unit.buildingName,
        room: address(unit),
        area: unit.countingArea!,
        areaSource: unit.areaSource!,
      };
    }),
  );
  await insertChunked(ownerRows, (chunk) => ctx.db.insert(rollOwners).values(chunk));
  await insertChunked(unitRows, (chunk) => ctx.db.insert(rollUnits).values(chunk));

  return { commitment: committed.commitment, total: committed.total };
}
