import { describe, expect, it } from 'vitest';
import { UsccSchema } from './uscc.ts';
import { isValidUscc, usccCheckCharacter } from './values/uscc.ts';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts real codes, whose last character is their checksum', () => {
    for (const code of ['91350100M000100Y43', '91440300708461136T', '91110000802100433B']) {
      expect(isValidUscc(code), code).toBe(true);
      expect(usccCheckCharacter(code.slice(0, 17))).toBe(code[17]);
    }
  });

  it('maps a check value of 31 to 0', () => {
    // 17 characters whose weighted sum is a multiple of 31: all zeros.
    expect(usccCheckCharacter('00000000000000000')).toBe('0');
    expect(isValidUscc('000000000000000000')).toBe(true);
  });

  it('refuses a wrong check character, a changed digit and swapped neighbours', () => {
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000101Y43')).toBe(false);
    expect(isValidUscc('91351000M000100Y43')).toBe(false);
  });

  it('refuses letters outside the alphabet (I, O, Z, S, V) and wrong lengths', () => {
    expect(isValidUscc('91350100I000100Y43')).toBe(false);
    expect(isValidUscc('91350100O000100Y43')).toBe(false);
    expect(usccCheckCharacter('91350100S000100Y4')).toBeNull();
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100M000100Y433')).toBe(false);
  });

  it('takes the code as people type it, and says which rule failed', () => {
    expect(UsccSchema.parse(' 9135 0100-m000 100y43 ')).toBe('91350100M000100Y43');
    const short = UsccSchema.safeParse('9135010');
    expect(short.error?.issues[0]?.message).toBe('uscc_length');
    const wrong = UsccSchema.safeParse('91350100M000100Y44');
    expect(wrong.error?.issues[0]?.message).toBe('uscc_invalid');
  });
});
