import { describe, expect, it } from 'vitest';
import { pseudonymOf, replaceValues } from './personal-data.ts';

describe('erasing a person from stored JSON', () => {
  it('replaces texts equal to a name or a number at any depth, and nothing else', () => {
    const replacements = new Map<string, string | null>([
      ['张伟', '已注销用户-ABC123'],
      ['13800138000', null],
    ]);
    const stored = {
      member: '张伟',
      from: ['李娜', '张伟'],
      nested: { phone: '13800138000', note: '张伟强', count: 2, ok: true, none: null },
    };
    expect(replaceValues(stored, replacements)).toEqual({
      member: '已注销用户-ABC123',
      from: ['李娜', '已注销用户-ABC123'],
      // A longer text that merely contains the name is another person's, or free text: left alone.
      nested: { phone: null, note: '张伟强', count: 2, ok: true, none: null },
    });
    expect(stored.member).toBe('张伟');
  });

  it('names the erased person by the end of their id', () => {
    expect(pseudonymOf('0193b7a0-5e2c-7c3e-9b1a-3f4d5e6f7a8b')).toBe('已注销用户-6F7A8B');
  });
});
