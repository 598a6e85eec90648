import { describe, expect, it } from 'vitest';
import { approved, quorumMet, tallyMotion, type Choice } from './tally.ts';

const M2 = 100; // areas are integers in 0.01 m²
const UNIT = 100 * M2;

/** `n` equal ballots of 100 m² each with the given choice. */
const ballots = (counts: Partial<Record<Choice, number>>, area = UNIT) =>
  Object.entries(counts).flatMap(([choice, n]) =>
    Array.from({ length: n }, () => ({ area, choice: choice as Choice })),
  );

describe('the worked examples (docs/domain.md §2.4)', () => {
  it('example 1: 10 owners, 7 vote, 4 agree — ordinary passes, special fails', () => {
    const total = { area: 10 * UNIT, count: 10 };
    const votes = ballots({ agree: 4, oppose: 3 });
    const ordinary = tallyMotion({ threshold: 'ordinary', total, ballots: votes });
    expect(ordinary).toMatchObject({
      participants: { area: 70_000, count: 7 },
      agree: { area: 40_000, count: 4 },
      quorumMet: true,
      passed: true,
      outcome: 'passed',
    });
    const special = tallyMotion({ threshold: 'special', total, ballots: votes });
    expect(special).toMatchObject({ quorumMet: true, passed: false, outcome: 'rejected' });
  });

  it('example 2: 6 of 9 vote — exactly ⅔ of area and headcount meets the quorum', () => {
    expect(quorumMet({ area: 60_000, count: 6 }, { area: 90_000, count: 9 })).toBe(true);
    const tally = tallyMotion({
      threshold: 'ordinary',
      total: { area: 90_000, count: 9 },
      ballots: ballots({ agree: 6 }),
    });
    expect(tally.quorumMet).toBe(true);
  });

  it('example 3: 3 of 6 participants agree — exactly half is not 过半数', () => {
    expect(approved('ordinary', { area: 30_000, count: 3 }, { area: 60_000, count: 6 })).toBe(false);
    const tally = tallyMotion({
      threshold: 'ordinary',
      total: { area: 90_000, count: 9 },
      ballots: ballots({ agree: 3, oppose: 3 }),
    });
    expect(tally).toMatchObject({ quorumMet: true, passed: false, outcome: 'rejected' });
  });

  it('example 4: 6 of 8 participants agree — exactly ¾ passes the special threshold', () => {
    expect(approved('special', { area: 60_000, count: 6 }, { area: 80_000, count: 8 })).toBe(true);
    const tally = tallyMotion({
      threshold: 'special',
      total: { area: 100_000, count: 10 },
      ballots: ballots({ agree: 6, oppose: 2 }),
    });
    expect(tally).toMatchObject({ quorumMet: true, passed: true, outcome: 'passed' });
  });

  it('example 8: 9 participants, 5 agree, 2 oppose, 2 abstain — ordinary passes, special fails', () => {
    const total = { area: 90_000, count: 9 };
    const votes = ballots({ agree: 5, oppose: 2, abstain: 2 });
    expect(tallyMotion({ threshold: 'ordinary', total, ballots: votes }).outcome).toBe('passed');
    const special = tallyMotion({ threshold: 'special', total, ballots: votes });
    expect(special).toMatchObject({
      participants: { area: 90_000, count: 9 },
      agree: { area: 50_000, count: 5 },
      outcome: 'rejected',
    });
  });
});

describe('quorum boundaries (3·p ≥ 2·t on area and headcount)', () => {
  const total = { area: 300_000, count: 300 };
  it('just below ⅔ fails on either figure, exactly ⅔ and just above pass', () => {
    expect(quorumMet({ area: 199_999, count: 200 }, total)).toBe(false);
    expect(quorumMet({ area: 200_000, count: 199 }, total)).toBe(false);
    expect(quorumMet({ area: 200_000, count: 200 }, total)).toBe(true);
    expect(quorumMet({ area: 200_001, count: 201 }, total)).toBe(true);
  });
  it('is exact where floating point would round (⅔ of a total not divisible by 3)', () => {
    // 2/3 · 100 000 001 = 66 666 667.33…: 66 666 667 is below, 66 666 668 is above.
    expect(quorumMet({ area: 66_666_667, count: 2 }, { area: 100_000_001, count: 3 })).toBe(false);
    expect(quorumMet({ area: 66_666_668, count: 2 }, { area: 100_000_001, count: 3 })).toBe(true);
  });
  it('is never met on an empty roll', () => {
    expect(quorumMet({ area: 0, count: 0 }, { area: 0, count: 0 })).toBe(false);
    expect(tallyMotion({ threshold: 'ordinary', total: { area: 0, count: 0 }, ballots: [] }).outcome).toBe(
      'not_decided',
    );
  });
});

describe('approval boundaries', () => {
  const participants = { area: 400_000, count: 400 };
  it('special: just below ¾ fails on either figure, exactly ¾ passes', () => {
    expect(approved('special', { area: 299_999, count: 300 }, participants)).toBe(false);
    expect(approved('special', { area: 300_000, count: 299 }, participants)).toBe(false);
    expect(approved('special', { area: 300_000, count: 300 }, participants)).toBe(true);
    expect(approved('special', { area: 300_001, count: 301 }, participants)).toBe(true);
  });
  it('ordinary: exactly half fails on either figure, just above half passes', () => {
    expect(approved('ordinary', { area: 200_000, count: 201 }, participants)).toBe(false);
    expect(approved('ordinary', { area: 200_001, count: 200 }, participants)).toBe(false);
    expect(approved('ordinary', { area: 200_001, count: 201 }, participants)).toBe(true);
    expect(approved('ordinary', { area: 2, count: 1 }, { area: 3, count: 1 })).toBe(true);
  });
  it('nothing passes with no participants', () => {
    expect(approved('special', { area: 0, count: 0 }, { area: 0, count: 0 })).toBe(false);
    expect(approved('ordinary', { area: 0, count: 0 }, { area: 0, count: 0 })).toBe(false);
  });
});

describe('tallyMotion', () => {
  const total = { area: 100_000, count: 10 };

  it('counts oppose, abstain and invalid toward participation only', () => {
    const tally = tallyMotion({
      threshold: 'ordinary',
      total,
      ballots: ballots({ agree: 2, oppose: 2, abstain: 2, invalid: 1 }),
    });
    expect(tally).toMatchObject({
      participants: { area: 70_000, count: 7 },
      agree: { area: 20_000, count: 2 },
      oppose: { area: 20_000, count: 2 },
      abstain: { area: 20_000, count: 2 },
      invalid: { area: 10_000, count: 1 },
      quorumMet: true,
      outcome: 'rejected',
    });
    // The same agreeing votes pass once the others stay home … but then the quorum fails: not decided, not rejected.
    expect(tallyMotion({ threshold: 'ordinary', total, ballots: ballots({ agree: 2 }) }).outcome).toBe('not_decided');
  });

  it('weighs a ballot by its area: the headcount majority alone is not enough', () => {
    const votes = [
      { area: 10_000, choice: 'agree' as const },
      { area: 10_000, choice: 'agree' as const },
      { area: 10_000, choice: 'agree' as const },
      { area: 10_000, choice: 'agree' as const },
      { area: 40_000, choice: 'oppose' as const },
    ];
    const tally = tallyMotion({ threshold: 'ordinary', total: { area: 100_000, count: 6 }, ballots: votes });
    expect(tally).toMatchObject({
      quorumMet: true,
      agree: { area: 40_000, count: 4 },
      participants: { area: 80_000, count: 5 },
      outcome: 'rejected',
    });
  });

  it('accepts any iterable of ballots', () => {
    function* gen() {
      for (let i = 0; i < 9; i++) yield { area: UNIT, choice: (i < 7 ? 'agree' : 'oppose') as Choice };
    }
    expect(tallyMotion({ threshold: 'special', total, ballots: gen() }).outcome).toBe('passed');
  });

  it('refuses figures that are not safe non-negative integers, and more ballots than the roll has owners', () => {
    expect(() => tallyMotion({ threshold: 'ordinary', total, ballots: [{ area: 89.5, choice: 'agree' }] })).toThrow(
      RangeError,
    );
    expect(() => tallyMotion({ threshold: 'ordinary', total, ballots: [{ area: -1, choice: 'agree' }] })).toThrow(
      RangeError,
    );
    expect(() =>
      tallyMotion({ threshold: 'ordinary', total: { area: Number.MAX_SAFE_INTEGER, count: 1 }, ballots: [] }),
    ).toThrow(RangeError);
    expect(() => tallyMotion({ threshold: 'ordinary', total, ballots: ballots({ agree: 11 }) })).toThrow(
      /exceed the roll/,
    );
    expect(() =>
      tallyMotion({ threshold: 'ordinary', total, ballots: [{ area: UNIT, choice: 'yes' as Choice }] }),
    ).toThrow(/unknown choice/);
    expect(() => approved('ordinary', { area: 2, count: 2 }, { area: 1, count: 1 })).toThrow(RangeError);
  });
});
