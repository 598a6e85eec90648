/**
 * Keyset cursors over UUIDv7 ids, which sort by creation time. Opaque to clients (base64url of the last id).
 */
export function encodeCursor(lastId: string): string {
  return btoa(lastId).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    const id = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    return /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
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
  const match = cursor?.match(/^s(\d{1,12})$/);
  return match ? Number(match[1]) : undefined;
}
