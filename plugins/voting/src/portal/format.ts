import { formatArea } from '@city/contracts/values';
import type { Kit } from './types.ts';

export { formatArea };

/**
 * A share in percent, rounded down to two decimals, for reading only: outcomes come from the server's exact integer
 * comparisons, never from these numbers. Null when there is no whole to divide by.
 */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((part * 10000) / whole) / 100 : null;
}

export const percentText = (part: number, whole: number) => {
  const value = percent(part, whole);
  return value === null ? '—' : `${value.toFixed(2)}%`;
};

const SHANGHAI_OFFSET = 8 * 60 * 60 * 1000;

/** An instant as the value of `<input type="datetime-local">`, in Beijing time (Asia/Shanghai: docs/architecture.md §3). */
export function toLocalInput(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : new Date(time + SHANGHAI_OFFSET).toISOString().slice(0, 16);
}

/**
 * `<input type="datetime-local">` has no zone; people here mean Beijing time. Anything not shaped like the input's
 * value goes to the API as typed, so its own validation names the field.
 */
export function fromLocalInput(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?$/.exec(value);
  return match ? `${match[1]}${match[2] ?? ':00'}+08:00` : value;
}

/** Who runs the count desk: enters paper and proxy ballots and checks each other's entries (the API's tellers). */
export const TELLER_ROLES = ['admin', 'committee', 'staff'] as const;

export const hasAny = (roles: readonly string[], wanted: readonly string[]) => roles.some((r) => wanted.includes(r));

/**
 * A counting owner's label as the API makes it (`1栋 1单元 101 +2`: its first home, and how many more it counts) in the
 * reader's words: `Bldg 1, Unit 1, Room 101 +2`.
 */
export function ownerLabel(label: string, kit: Kit): string {
  const [, address = label, more = ''] = /^(.*?)( \+\d+)?$/.exec(label) ?? [];
  return `${kit.formatAddress(address)}${more}`;
}
