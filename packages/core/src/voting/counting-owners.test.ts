import { countingArea } from '@city/contracts';
import { describe, expect, it } from 'vitest';
import { countingOwners, RollError, type RollUnit } from './counting-owners.ts';
import { tallyMotion } from './tally.ts';

const UNIT = 10_000; // 100 m² in 0.01 m²

const sold = (unitId: string, ownerIds: string[], extra: Partial<RollUnit> = {}): RollUnit => ({
  unitId,
  area: UNIT,
  saleStatus: 'sold_delivered',
  ownerIds,
  designatedVoterId: null,
  ...extra,
});

describe('the worked examples (docs/domain.md §2.4)', () => {
  it('example 5: A holds units 1–3, 7 others one each — 8 counting owners; A and 4 others voting miss the headcount quorum', () => {
    const units = [
      ...[1, 2, 3].map((n) => sold(`u${n}`, ['A'])),
      ...[4, 5, 6, 7, 8, 9, 10].map((n) => sold(`u${n}`, [`o${n}`])),
    ];
    const { owners, total } = countingOwners(units);
    expect(total).toEqual({ area: 100_000, count: 8 });
    const a = owners.find((o) => o.key === 'owners:A')!;
    expect(a).toMatchObject({
      kind: 'owner',
      ownerIds: ['A'],
      unitIds: ['u1', 'u2', 'u3'],
      area: 30_000,
      voterOwnerIds: ['A'],
    });

    const voting = owners.filter((o) => o.key === 'owners:A' || ['o4', 'o5', 'o6', 'o7'].includes(o.ownerIds[0]!));
    const tally = tallyMotion({
      threshold: 'ordinary',
      total,
      ballots: voting.map((o) => ({ area: o.area, choice: 'agree' as const })),
    });
    expect(tally.participants).toEqual({ area: 70_000, count: 5 }); // 70% of area, 62.5% of heads
    expect(tally).toMatchObject({ quorumMet: false, passed: false, outcome: 'not_decided' });
  });

  it("example 6: the developer's 6 unsold and 2 undelivered units of 50 m² are one counting owner of 400 m²", () => {
    const half = 5_000;
    const units: RollUnit[] = [
      ...Array.from({ length: 6 }, (_, i): RollUnit => ({
        unitId: `unsold${i}`,
        area: half,
        saleStatus: 'unsold',
        ownerIds: [],
        designatedVoterId: null,
      })),
      // A sold but undelivered unit still counts with the developer, whoever bought it.
      ...Array.from({ length: 2 }, (_, i): RollUnit => ({
        unitId: `undelivered${i}`,
        area: half,
        saleStatus: 'sold_undelivered',
        ownerIds: [`buyer${i}`],
        designatedVoterId: null,
      })),
      ...Array.from({ length: 12 }, (_, i) => sold(`sold${i}`, [`owner${i}`], { area: half })),
    ];
    const { owners, total } = countingOwners(units);
    expect(total).toEqual({ area: 100_000, count: 13 });
    expect(owners[0]).toEqual({
      key: 'developer',
      kind: 'developer',
      ownerIds: [],
      unitIds: ['unsold0', 'unsold1', 'unsold2', 'unsold3', 'unsold4', 'unsold5', 'undelivered0', 'undelivered1'],
      area: 40_000,
      voterOwnerIds: [],
    });
    expect(owners.slice(1).every((o) => o.kind === 'owner' && o.area === half)).toBe(true);
  });

  it('example 7: registered, else measured, else contract area; a unit with none blocks the roll with a clear error', () => {
    expect(countingArea({ registeredArea: 8950, measuredArea: 9012, contractArea: 9100 })?.area).toBe(8950);
    expect(countingArea({ registeredArea: null, measuredArea: 9012, contractArea: 9100 })?.area).toBe(9012);
    expect(countingArea({ registeredArea: null, measuredArea: null, contractArea: 9100 })?.area).toBe(9100);
    const none = countingArea({ registeredArea: null, measuredArea: null, contractArea: null })?.area ?? null;
    expect(none).toBeNull();

    const units = [sold('301', ['A'], { area: 8950 }), sold('302', ['B'], { area: none })];
    expect(countingOwners([units[0]!]).total).toEqual({ area: 8950, count: 1 });
    let error: unknown;
    try {
      countingOwners(units);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RollError);
    expect((error as RollError).problems).toEqual([{ unitId: '302', problem: 'no_area' }]);
    expect((error as RollError).message).toContain('302: no_area');
  });
});

describe('countingOwners', () => {
  it('makes one counting owner of the same owner set, whatever the order or duplicates', () => {
    const { owners, total } = countingOwners([
      sold('a', ['x', 'y'], { designatedVoterId: 'y' }),
      sold('b', ['p']),
      sold('c', ['y', 'x', 'x'], { designatedVoterId: 'x' }),
      sold('d', ['x']), // x alone is another buyer than x with y
    ]);
    expect(total).toEqual({ area: 40_000, count: 3 });
    expect(owners.map((o) => o.key)).toEqual(['owners:x,y', 'owners:p', 'owners:x']);
    expect(owners[0]).toEqual({
      key: 'owners:x,y',
      kind: 'owner',
      ownerIds: ['x', 'y'],
      unitIds: ['a', 'c'],
      area: 20_000,
      voterOwnerIds: ['x', 'y'],
    });
    expect(owners[2]!.voterOwnerIds).toEqual(['x']);
  });

  it('lets only the designated voters of a co-owned set vote online, and only if they are its owners', () => {
    const { owners } = countingOwners([
      sold('a', ['m', 'n']),
      sold('b', ['q', 'r'], { designatedVoterId: 'stranger' }),
      sold('c', ['s', 't'], { designatedVoterId: 't' }),
    ]);
    expect(owners.map((o) => o.voterOwnerIds)).toEqual([[], [], ['t']]);
  });

  it("lists a co-owned set's designated voters once each, sorted, however many units name them", () => {
    const { owners } = countingOwners([
      sold('a', ['m', 'n'], { designatedVoterId: 'n' }),
      sold('b', ['n', 'm'], { designatedVoterId: 'n' }),
      sold('c', ['m', 'n'], { designatedVoterId: 'm' }),
      sold('d', ['m', 'n'], { designatedVoterId: 'n' }),
    ]);
    expect(owners).toHaveLength(1);
    expect(owners[0]!.voterOwnerIds).toEqual(['m', 'n']);
  });

  it('puts the developer first, then owners in order of first appearance', () => {
    const { owners } = countingOwners([
      sold('1', ['z']),
      { unitId: '2', area: UNIT, saleStatus: 'unsold', ownerIds: [], designatedVoterId: null },
      sold('3', ['a']),
      sold('4', ['z']),
    ]);
    expect(owners.map((o) => o.key)).toEqual(['developer', 'owners:z', 'owners:a']);
    expect(owners[1]!.unitIds).toEqual(['1', '4']);
  });

  it('collects every problem of the roll into one RollError', () => {
    const units: RollUnit[] = [
      sold('ok', ['a']),
      sold('no-owner', []),
      sold('neither', [], { area: null }),
      { unitId: 'dev-no-area', area: null, saleStatus: 'unsold', ownerIds: [], designatedVoterId: null },
    ];
    expect(() => countingOwners(units)).toThrow(RollError);
    try {
      countingOwners(units);
    } catch (e) {
      expect((e as RollError).problems).toEqual([
        { unitId: 'no-owner', problem: 'no_owner' },
        { unitId: 'neither', problem: 'no_area' },
        { unitId: 'neither', problem: 'no_owner' },
        { unitId: 'dev-no-area', problem: 'no_area' },
      ]);
      expect((e as RollError).name).toBe('RollError');
    }
  });

  it('returns an empty roll for no units', () => {
    expect(countingOwners([])).toEqual({ owners: [], total: { area: 0, count: 0 } });
  });

  it('refuses areas that are not safe non-negative integers, units listed twice, and commas in owner ids', () => {
    expect(() => countingOwners([sold('a', ['x'], { area: 89.5 })])).toThrow(RangeError);
    expect(() => countingOwners([sold('a', ['x'], { area: -1 })])).toThrow(RangeError);
    expect(() => countingOwners([sold('a', ['x']), sold('a', ['y'])])).toThrow(/twice/);
    expect(() => countingOwners([sold('a', ['x,y'])])).toThrow(/comma/);
  });

  it('groups 20,000 units by Map lookups', () => {
    const units = Array.from({ length: 20_000 }, (_, i) => sold(`u${i}`, [`o${i % 15_000}`]));
    const { owners, total } = countingOwners(units);
    expect(total).toEqual({ area: 20_000 * UNIT, count: 15_000 });
    expect(owners[0]!.unitIds).toEqual(['u0', 'u15000']);
    expect(() => countingOwners([...units, sold('u0', ['o0'])])).toThrow(/u0 appears twice/);
  });

  it('groups as well when thousands of ids end alike', () => {
    // The lookup tables are picked by the ids' last characters: these crowd into one, which must still be exact.
    const units = Array.from({ length: 6_000 }, (_, i) => sold(`${i}-tower-A`, [`${i % 5_000}-owner-A`]));
    const { owners, total } = countingOwners(units);
    expect(total.count).toBe(5_000);
    expect(owners[1]).toMatchObject({ key: 'owners:1-owner-A', unitIds: ['1-tower-A', '5001-tower-A'] });
    expect(() => countingOwners([...units, sold('0-tower-A', ['x'])])).toThrow(/0-tower-A appears twice/);
  });
});
