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
  const seenUnits = new Set<string>();
  const byKey = new Map<string, CountingOwner>();
  // Co-owned sets only: their designated voters, collected unsorted and sorted once at the end.
  const voters = new Map<CountingOwner, Set<string>>();
  let developer: CountingOwner | undefined;

  for (const unit of units) {
    if (seenUnits.has(unit.unitId)) throw new RangeError(`unit ${unit.unitId} appears twice on the roll`);
    seenUnits.add(unit.unitId);
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
    let owner = byKey.get(setKey);
    if (!owner) {
      const own = ownerIds === unit.ownerIds ? [...ownerIds] : ownerIds;
      owner = {
        key: `owners:${setKey}`,
        kind: 'owner',
        ownerIds: own,
        unitIds: [],
        area: 0,
        voterOwnerIds: own.length === 1 ? [...own] : [],
      };
      byKey.set(setKey, owner);
    }
    owner.unitIds.push(unit.unitId);
    owner.area += area;
    // A designated voter who is not one of the unit's owners cannot vote for them.
    if (ownerIds.length > 1 && unit.designatedVoterId !== null && ownerIds.includes(unit.designatedVoterId)) {
      let set = voters.get(owner);
      if (!set) voters.set(owner, (set = new Set()));
      set.add(unit.designatedVoterId);
    }
  }

  if (problems.length > 0) throw new RollError(problems);
  for (const [owner, set] of voters) owner.voterOwnerIds = [...set].sort();

  const owners = developer ? [developer, ...byKey.values()] : [...byKey.values()];
  let area = 0;
  for (const owner of owners) area += owner.area;
  assertAmount(area, 'total area of the roll');
  return { owners, total: { area, count: owners.length } };
}
