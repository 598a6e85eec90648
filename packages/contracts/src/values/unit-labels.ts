import type { Locale } from './enums.ts';

/**
 * A home as the reader says it. The registry keeps the names the neighbourhood typed or imported (`1栋`, `1单元`,
 * `202`), and Chinese readers see them as typed. An English reader sees the usual patterns spelt out — `1栋 1单元 202`
 * → `Bldg 1, Unit 1, Room 202` — and any other name (`紫荆阁`, `A座东`) as typed: it is the neighbourhood's own word.
 */
const BUILDING = /^([0-9A-Za-z]+)\s*(?:栋|幢|号楼|号|座)$/u;
const ENTRANCE = /^([0-9A-Za-z]+)\s*(?:单元|门)$/u;
const ROOM = /^([0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)\s*(?:室|号|房)?$/u;

/** `1栋` → `Bldg 1` for an English reader. */
export function buildingLabel(name: string, locale: Locale): string {
  if (locale !== 'en') return name;
  const match = BUILDING.exec(name.trim());
  return match ? `Bldg ${match[1]}` : name;
}

/** `1单元` → `Unit 1` for an English reader. */
export function entranceLabel(entrance: string, locale: Locale): string {
  if (locale !== 'en') return entrance;
  const match = ENTRANCE.exec(entrance.trim());
  return match ? `Unit ${match[1]}` : entrance;
}

/** `202` → `Room 202` for an English reader. */
export function roomLabel(room: string, locale: Locale): string {
  if (locale !== 'en') return room;
  const match = ROOM.exec(room.trim());
  return match ? `Room ${match[1]}` : room;
}

/** A home from its parts: `1栋 1单元 202` / `Bldg 1, Unit 1, Room 202` (a missing 单元 is left out). */
export function unitLabel(unit: { buildingName: string; entrance: string; room: string }, locale: Locale): string {
  const parts = [
    buildingLabel(unit.buildingName, locale),
    unit.entrance && entranceLabel(unit.entrance, locale),
    unit.room && roomLabel(unit.room, locale),
  ].filter(Boolean);
  return parts.join(locale === 'en' ? ', ' : ' ');
}

/**
 * An address the API already joined (`1栋 1单元 202`, core's `addressOf`) for the reader: each part by its pattern.
 * The last part is the room; a building or 单元 name with a space in it stays as typed.
 */
export function addressLabel(address: string, locale: Locale): string {
  if (locale !== 'en') return address;
  const parts = address.trim().split(/\s+/);
  return parts
    .map((part, i) => {
      if (BUILDING.test(part)) return buildingLabel(part, locale);
      if (ENTRANCE.test(part)) return entranceLabel(part, locale);
      return i === parts.length - 1 && parts.length > 1 ? roomLabel(part, locale) : part;
    })
    .join(', ');
}
