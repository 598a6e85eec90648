import { assertAmount, isAmount } from './amounts.ts';

export type SaleStatus = 'sold_delivered' | 'sold_undelivered' | 'unsold';

/** One unit of the meeting's roll; `area` is already the counting area (registered, else measured, else contract). */
export interface RollUnit {
  unitId: string;
  area: number | null;
  saleStatus: SaleStatus;
  ownerIds: string[];
  designatedVoterId: string | null;
}

/** 计票主体: one head, the sum of its units' areas, one ballot per motion (SPC interpretation arts. 8–9). */
export interface CountingOwner {
  /** 'developer' for the developer's units; otherwise 'owners:' + the sorted owner ids joined by ','. */
  key: string;
  kind: 'developer' | 'owner';
  /** Sorted, unique; [] for the developer. */
  ownerIds: string[];
  /** In input order. */
  unitIds: string[];
  area: number;
  /**
   * Who may vote for it online: the sole owner; for a co-owned set the designated voters of its units (unique,
   * sorted — [] when none is designated, so only a paper ballot can be cast); [] for the developer.
   */
  voterOwnerIds: string[];
}

export interface RollProblem {
  unitId: string;
  problem: 'no_area' | 'no_owner';
}

/** A roll that cannot be frozen; lists every unit at fault at once, so all can be fixed in one pass. */
export class RollError extends Error {
  readonly problems: RollProblem[];

  constructor(problems: RollProblem[]) {
    const shown = problems
      .slice(0, 10)
      .map((p) => `${p.unitId}: ${p.problem}`)
      .join('; ');
    const more = problems.length > 10 ? `; and ${problems.length - 10} more` : '';
    super(`the roll has ${problems.length} unit problem(s): ${shown}${more}`);
    this.name = 'RollError';
    this.problems = problems;
  }
}

const DEVELOPER = 'developer';

/**
 * V8 moves a Map or Set of more than 4,096 entries to large-object space, where each entry costs five to ten times as
 * much (fresh pages on every growth); a roll of 20,000 units spreads its ids over 2^SHARD_BITS tables to keep each one
 * small. The spread only changes the speed: equal ids always land in the same table.
 */
const SHARD_BITS = 5;

/** FNV-1a over the last 8 characters, where ids (sequence numbers, UUIDs, room numbers) differ. */
function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = Math.max(0, id.length - 8); i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash >>> (32 - SHARD_BITS);
}

function sortedUnique(ids: readonly string[]): string[] {
  if (ids.length === 2 && ids[0] !== ids[1]) return ids[0]! < ids[1]! ? [ids[0]!, ids[1]!] : [ids[1]!, ids[0]!];
  return [...new Set(ids)].sort();
}

/**
 * Groups the roll into counting owners (docs/domain.md §2.2): all units the developer still holds (unsold, or sold but not
 * delivered) are one counting owner; every other unit belongs to the counting owner of its exact owner set.
 * Throws RollError listing every unit without a counting area or, when delivered, without an owner.
 */
export function countingOwners(units: readonly RollUnit[]): {
  owners: CountingOwner[];
  total: { area: number; count: number };
} {
  const problems: RollProblem[] = [];
  const seenUnits = Array.from({ length: 1 << SHARD_BITS }, () => new Set<string>());
  const byKey = Array.from({ length: 1 << SHARD_BITS }, () => new Map<string, CountingOwner>());
  // In order of first appearance; the developer, if any, is put first at the end.
  const owners: CountingOwner[] = [];
  let developer: CountingOwner | undefined;

  for (const unit of units) {
    const seen = seenUnits[shardOf(unit.unitId)]!;
    if (seen.has(unit.unitId)) throw new RangeError(`unit ${unit.unitId} appears twice on the roll`);
    seen.add(unit.unitId);
    if (unit.area === null) problems.push({ unitId: unit.unitId, problem: 'no_area' });
    else if (!isAmount(unit.area)) assertAmount(unit.area, `area of unit ${unit.unitId}`);
    const area = unit.area ?? 0;

    if (unit.saleStatus !== 'sold_delivered') {
      developer ??= { key: DEVELOPER, kind: 'developer', ownerIds: [], unitIds: [], area: 0, voterOwnerIds: [] };
      developer.unitIds.push(unit.unitId);
      developer.area += area;
      continue;
    }
    if (unit.ownerIds.length === 0) {
      problems.push({ unitId: unit.unitId, problem: 'no_owner' });
      continue;
    }
    // Ids are checked comma-free, so the joined ids name exactly one owner set (and a single id is its own key).
    const ownerIds = unit.ownerIds.length === 1 ? unit.ownerIds : sortedUnique(unit.ownerIds);
    for (const id of ownerIds)
      if (id.includes(',')) throw new RangeError(`owner id ${JSON.stringify(id)} contains a comma`);
    const setKey = ownerIds.length === 1 ? ownerIds[0]! : ownerIds.join(',');
    const table = byKey[shardOf(setKey)]!;
    let owner = table.get(setKey);
    if (owner) owner.unitIds.push(unit.unitId);
    else {
      // Most owners hold one unit alone: exact-size literals keep the roll's ~20,000 arrays (and the GC's work) small.
      owner = {
        key: `owners:${setKey}`,
        kind: 'owner',
        ownerIds: ownerIds === unit.ownerIds ? [setKey] : ownerIds,
        unitIds: [unit.unitId],
        area: 0,
        voterOwnerIds: ownerIds.length === 1 ? [setKey] : [],
      };
      table.set(setKey, owner);
      owners.push(owner);
    }
    owner.area += area;
    // A designated voter who is not one of the unit's owners cannot vote for them. Voters are a subset of the owner
    // set, so the list stays as short as the owner ids already searched; it is sorted once at the end.
    const voter = unit.designatedVoterId;
    if (ownerIds.length > 1 && voter !== null && ownerIds.includes(voter) && !owner.voterOwnerIds.includes(voter))
      owner.voterOwnerIds.push(voter);
  }

  if (problems.length > 0) throw new RollError(problems);
  let area = developer?.area ?? 0;
  for (const owner of owners) {
    area += owner.area;
    if (owner.voterOwnerIds.length > 1) owner.voterOwnerIds.sort();
  }
  assertAmount(area, 'total area of the roll');
  if (developer) owners.unshift(developer);
  return { owners, total: { area, count: owners.length } };
}
