import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, page } from './pagination.ts';

describe('cursors', () => {
  const id = '01934a5e-7f00-7c3e-9b1a-3f4d5e6f7a8b';
  it('round-trip an id and reject anything else', () => {
    expect(decodeCursor(encodeCursor(id))).toBe(id);
    expect(decodeCursor('not base64 at all!')).toBeUndefined();
    expect(decodeCursor(btoa("1' or '1'='1"))).toBeUndefined();
    expect(decodeCursor(undefined)).toBeUndefined();
  });
  it('announce a next page only when there is one', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(page(rows, 2)).toEqual({ items: rows.slice(0, 2), nextCursor: encodeCursor('b') });
    expect(page(rows, 3).nextCursor).toBeNull();
  });
});
