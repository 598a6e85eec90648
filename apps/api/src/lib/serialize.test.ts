import { describe, expect, it } from 'vitest';
import { serialize } from './serialize.ts';

describe('serialize', () => {
  it('gives what a JSON round trip gives, for the data handlers answer', () => {
    const values = [
      null,
      0,
      'text',
      true,
      new Date('2026-12-05T01:02:03.456Z'),
      [1, undefined, new Date(0), { a: undefined, b: [null] }],
      {
        id: 'x',
        at: new Date('2026-01-01T00:00:00Z'),
        nested: { list: [{ when: new Date(1e12), n: 1.5, none: null, gone: undefined }], empty: {} },
        roles: ['admin'],
        skip: () => 1,
      },
    ];
    for (const value of values) expect(serialize(value)).toStrictEqual(JSON.parse(JSON.stringify(value)));
  });
});
