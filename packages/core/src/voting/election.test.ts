import { describe, expect, it } from 'vitest';
import { tallyElection } from './election.ts';

const UNIT = 10_000;

/** `n` ballots of 100 m² naming the same candidates. */
const ballots = (n: number, choices: string[], area = UNIT) => Array.from({ length: n }, () => ({ area, choices }));

describe('tallyElection', () => {
  it('fills the seats with approved candidates by agreeing headcount, then area', () => {
    // 10 participants of 10 owners; a and b named by all, c by 8, d by 6 with more area, e by 6, f by 2.
    const big = 2 * UNIT;
    const result = tallyElection({
      seats: 3,
      candidateIds: ['f', 'e', 'd', 'c', 'b', 'a'],
      total: { area: 12 * UNIT, count: 10 },
      ballots: [
        ...ballots(2, ['a', 'b', 'c', 'd', 'f'], big),
        ...ballots(2, ['a', 'b', 'c', 'd', 'f']),
        ...ballots(2, ['a', 'b', 'c', 'd', 'e']),
        ...ballots(2, ['a', 'b', 'c', 'e']),
        ...ballots(2, ['a', 'b', 'e']),
      ],
    });
    expect(result.quorumMet).toBe(true);
    expect(result.participants).toEqual({ area: 12 * UNIT, count: 10 });
    expect(result.candidates.map((c) => c.id)).toEqual(['b', 'a', 'c', 'd', 'e', 'f']); // b before a: input order
    expect(result.candidates.find((c) => c.id === 'd')!.agree).toEqual({ area: 8 * UNIT, count: 6 });
    expect(result.candidates.find((c) => c.id === 'e')!.agree).toEqual({ area: 6 * UNIT, count: 6 });
    expect(result.elected).toEqual(['b', 'a', 'c']);
    expect(result.tie).toBeNull();
    expect(result.emptySeats).toBe(0);
    // e: 6 of 10 heads but exactly half of the area — not more than half, so not approved.
    expect(result.candidates.filter((c) => c.approved).map((c) => c.id)).toEqual(['b', 'a', 'c', 'd']);
  });

  it('elects nobody when the quorum is not met', () => {
    const result = tallyElection({
      seats: 2,
      candidateIds: ['a', 'b'],
      total: { area: 10 * UNIT, count: 10 },
      ballots: ballots(6, ['a', 'b']),
    });
    expect(result.quorumMet).toBe(false);
    expect(result.elected).toEqual([]);
    expect(result.candidates.every((c) => !c.approved && !c.elected)).toBe(true);
    expect(result.emptySeats).toBe(2);
  });

  it('leaves seats empty rather than elect an unapproved candidate', () => {
    // 9 participants, 650 m²: a has all; b has 4 heads (not more than half); c has 5 heads but only 250 m².
    const result = tallyElection({
      seats: 3,
      candidateIds: ['a', 'b', 'c'],
      total: { area: 9 * UNIT, count: 9 },
      ballots: [...ballots(4, ['a', 'b']), ...ballots(5, ['a', 'c'], UNIT / 2)],
    });
    expect(result.candidates.map((c) => [c.id, c.approved])).toEqual([
      ['a', true],
      ['c', false],
      ['b', false],
    ]);
    expect(result.elected).toEqual(['a']);
    expect(result.emptySeats).toBe(2);
    expect(result.tie).toBeNull();
  });

  it('reports a tie on the last seat instead of breaking it', () => {
    // 9 participants; a: 9, b and c: 7 each with equal area, d: 6; 2 seats → a elected, b and c tie for 1 seat.
    const result = tallyElection({
      seats: 2,
      candidateIds: ['a', 'b', 'c', 'd'],
      total: { area: 9 * UNIT, count: 9 },
      ballots: [
        ...ballots(5, ['a', 'b', 'c', 'd']),
        ...ballots(1, ['a', 'b', 'd']),
        ...ballots(2, ['a', 'c']),
        ...ballots(1, ['a', 'b']),
      ],
    });
    expect(result.elected).toEqual(['a']);
    expect(result.tie).toEqual({ candidateIds: ['b', 'c'], seats: 1 });
    expect(result.candidates.filter((c) => c.tied).map((c) => c.id)).toEqual(['b', 'c']);
    expect(result.candidates.find((c) => c.id === 'b')!.elected).toBe(false);
    expect(result.candidates.find((c) => c.id === 'd')).toMatchObject({ approved: true, elected: false, tied: false });
    expect(result.emptySeats).toBe(0);
  });

  it('reports a three-way tie for two seats with the number of seats contended', () => {
    const result = tallyElection({
      seats: 3,
      candidateIds: ['a', 'b', 'c', 'd'],
      total: { area: 9 * UNIT, count: 9 },
      ballots: [...ballots(8, ['a', 'b', 'c', 'd']), ...ballots(1, ['a'])],
    });
    expect(result.elected).toEqual(['a']);
    expect(result.tie).toEqual({ candidateIds: ['b', 'c', 'd'], seats: 2 });
    expect(result.emptySeats).toBe(0);
  });

  it('elects every tied candidate when the tie fits inside the seats', () => {
    const result = tallyElection({
      seats: 3,
      candidateIds: ['a', 'b', 'c'],
      total: { area: 9 * UNIT, count: 9 },
      ballots: [...ballots(7, ['a', 'b']), ...ballots(2, ['c'])],
    });
    expect(result.elected).toEqual(['a', 'b']);
    expect(result.tie).toBeNull();
    expect(result.candidates.find((c) => c.id === 'c')).toMatchObject({ approved: false, elected: false });
    expect(result.emptySeats).toBe(1);
  });

  it('counts a candidate named twice on one ballot once, ignores unknown names and invalid ballots', () => {
    const result = tallyElection({
      seats: 1,
      candidateIds: ['a', 'b'],
      total: { area: 4 * UNIT, count: 4 },
      ballots: [
        { area: UNIT, choices: ['a', 'a', 'a'] },
        { area: UNIT, choices: ['ghost', 'b'] },
        { area: UNIT, invalid: true, choices: ['a'] },
        { area: UNIT, choices: [] },
      ],
    });
    expect(result.participants).toEqual({ area: 4 * UNIT, count: 4 });
    expect(result.candidates.map((c) => [c.id, c.agree.count])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(result.elected).toEqual([]); // 1 of 4 is not more than half
    expect(result.emptySeats).toBe(1);
  });

  it('refuses bad seat counts, duplicate candidates and more ballots than owners', () => {
    const total = { area: UNIT, count: 1 };
    expect(() => tallyElection({ seats: 0, candidateIds: ['a'], total, ballots: [] })).toThrow(RangeError);
    expect(() => tallyElection({ seats: 1, candidateIds: ['a', 'a'], total, ballots: [] })).toThrow(/twice/);
    expect(() => tallyElection({ seats: 1, candidateIds: ['a'], total, ballots: ballots(2, ['a']) })).toThrow(
      /exceed the roll/,
    );
  });
});
