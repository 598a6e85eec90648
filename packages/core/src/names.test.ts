import { describe, expect, it } from 'vitest';
import { nameKey, slugFromName } from './names.ts';

describe('nameKey', () => {
  it('ignores spaces, punctuation, width and case', () => {
    expect(nameKey('金色 家园·一期')).toBe(nameKey('金色家园一期'));
    expect(nameKey('ＡＢＣ花园（南区）')).toBe(nameKey('abc花园南区'));
    expect(nameKey('金色家园')).not.toBe(nameKey('金色家苑'));
  });
});

describe('slugFromName', () => {
  it('spells Chinese names in pinyin', () => {
    expect(slugFromName('金色家园')).toBe('jinsejiayuan');
    expect(slugFromName('翠湖苑 B区')).toBe('cuihuyuan-bqu');
  });
  it('always yields a valid slug', () => {
    for (const name of ['A', '·', '小', 'x'.repeat(80)]) {
      expect(slugFromName(name)).toMatch(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/);
    }
  });
});
