import { fieldError } from './errors.ts';

/**
 * Keyset cursors over UUIDv7 ids, which sort by creation time. Opaque to clients (base64url of the last id). A cursor
 * we did not make is refused (400 at `query.cursor`) rather than read as "from the start": a client that sent a
 * damaged cursor would otherwise be shown the first page again as if it were the next one.
 */
export function encodeCursor(lastId: string): string {
  return btoa(lastId).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const CURSOR = /^[A-Za-z0-9_-]{48}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The id a cursor points after; undefined for the first page (no cursor). */
export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const id = CURSOR.test(cursor) ? atob(cursor.replace(/-/g, '+').replace(/_/g, '/')) : '';
  if (!UUID.test(id)) throw invalidCursor();
  return id;
}

export function page<T extends { id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null };
}

/** Cursors over a per-tenant sequence number (the audit trail). */
export function encodeSeqCursor(seq: number): string {
  return `s${seq}`;
}

export function decodeSeqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const match = /^s(\d{1,12})$/.exec(cursor);
  if (!match) throw invalidCursor();
  return Number(match[1]);
}

/** The answer to a cursor that is not one of ours, for lists that page their own way too. */
export function invalidCursor() {
  return fieldError('query.cursor', 'cursor_invalid');
}
