import { describe, expect, it } from 'vitest';
import { AppError } from './errors.ts';
import { decodeCursor, decodeSeqCursor, encodeCursor, encodeSeqCursor, page } from './pagination.ts';

/** The 400 a cursor we did not make gets: a field error at `query.cursor`, in both languages. */
function refusal(decode: () => unknown) {
  try {
    decode();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return { code: (error as AppError).code, fields: (error as AppError).fields };
  }
  throw new Error('the cursor was accepted');
}

describe('cursors', () => {
  const id = '01934a5e-7f00-7c3e-9b1a-3f4d5e6f7a8b';
  it('round-trip an id; no cursor is the first page', () => {
    expect(decodeCursor(encodeCursor(id))).toBe(id);
    expect(decodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor('')).toBeUndefined();
    expect(decodeSeqCursor(encodeSeqCursor(42))).toBe(42);
    expect(decodeSeqCursor(undefined)).toBeUndefined();
  });

  it('refuse anything we did not make, rather than starting again from the first page', () => {
    const forged = [
      'not base64 at all!',
      btoa("1' or '1'='1"),
      encodeCursor(id).slice(1),
      encodeCursor(id) + 'A',
      encodeCursor(id.toUpperCase()),
      encodeCursor('zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'),
      'AAAA',
    ];
    for (const cursor of forged)
      expect(
        refusal(() => decodeCursor(cursor)),
        cursor,
      ).toEqual({
        code: 'validation_failed',
        fields: [
          {
            path: 'query.cursor',
            code: 'cursor_invalid',
            message: {
              'zh-CN': '翻页标记无效，请从第一页重新开始',
              en: 'This page marker is not valid; start again from the first page',
            },
          },
        ],
      });
    for (const cursor of ['42', 's', 's-1', 's1.5', `s${'9'.repeat(13)}`, encodeCursor(id)])
      expect(refusal(() => decodeSeqCursor(cursor)).fields![0]!.path, cursor).toBe('query.cursor');
  });

  it('announce a next page only when there is one', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(page(rows, 2)).toEqual({ items: rows.slice(0, 2), nextCursor: encodeCursor('b') });
    expect(page(rows, 3).nextCursor).toBeNull();
  });
});
