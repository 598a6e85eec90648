import { compareNatural } from '@city/contracts/values';

export interface GridUnit {
  entrance: string;
  floor: number;
  room: string;
  owners: readonly { name: string; verified: boolean }[];
}

/** What a cell of the grid says about a unit: an owner has verified on the portal, owners are registered but none has, or there is no owner. */
export type UnitState = 'verified' | 'unverified' | 'vacant';

export function unitState(unit: GridUnit): UnitState {
  if (!unit.owners.length) return 'vacant';
  return unit.owners.some((o) => o.verified) ? 'verified' : 'unverified';
}

export interface EntranceGrid<U> {
  entrance: string;
  /** Its units in the order they came (the API's address order), for the one-line-per-unit list. */
  units: U[];
  /** Column headings: the room's number on its floor (1502 → "02") when every room reads floor + number, else 1, 2, 3… */
  columns: string[];
  /** Highest floor first, as the building stands; a cell is null where that floor has no such room. */
  floors: { floor: number; cells: (U | null)[] }[];
}

/**
 * A 单元 of a building as a floor × room grid. Rooms are placed by the part of their number after the floor (1501 and
 * 1601 share a column) so a floor missing a room does not shift the rest; where rooms are not numbered that way they
 * are placed in natural order along the floor.
 */
export function entranceGrids<U extends GridUnit>(units: readonly U[]): EntranceGrid<U>[] {
  const byEntrance = new Map<string, U[]>();
  for (const unit of units) byEntrance.set(unit.entrance, [...(byEntrance.get(unit.entrance) ?? []), unit]);
  return [...byEntrance.entries()]
    .sort(([a], [b]) => compareNatural(a, b))
    .map(([entrance, rooms]) => ({ entrance, units: rooms, ...grid(rooms) }));
}

function grid<U extends GridUnit>(units: readonly U[]) {
  const suffix = (u: U) => (u.room.startsWith(String(u.floor)) ? u.room.slice(String(u.floor).length) : '');
  const bySuffix = units.every((u) => suffix(u) !== '');
  const floors = new Map<number, U[]>();
  for (const unit of units) floors.set(unit.floor, [...(floors.get(unit.floor) ?? []), unit]);
  for (const rooms of floors.values()) rooms.sort((a, b) => compareNatural(a.room, b.room));

  const columns = bySuffix
    ? [...new Set(units.map(suffix))].sort(compareNatural)
    : Array.from({ length: Math.max(0, ...[...floors.values()].map((r) => r.length)) }, (_, i) => String(i + 1));
  return {
    columns,
    floors: [...floors.entries()]
      .sort(([a], [b]) => b - a)
      .map(([floor, rooms]) => ({
        floor,
        cells: bySuffix
          ? columns.map((column) => rooms.find((u) => suffix(u) === column) ?? null)
          : columns.map((_, i) => rooms[i] ?? null),
      })),
  };
}

/** Whether a unit matches what was typed in the search box: part of its room number or of an owner's name. */
export function matches(unit: GridUnit, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || unit.room.toLowerCase().includes(q) || unit.owners.some((o) => o.name.toLowerCase().includes(q));
}
