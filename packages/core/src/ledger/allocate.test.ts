import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateByArea } from './allocate.ts';

const shares = (areas: number[]) => areas.map((area, i) => ({ id: `u${i}`, area }));

describe('allocateByArea', () => {
  it('gives each owner their share of the area', () => {
    expect(allocateByArea(10_000, shares([10_000, 20_000, 10_000]))).toEqual([
      { id: 'u0', fen: 2_500 },
      { id: 'u1', fen: 5_000 },
      { id: 'u2', fen: 2_500 },
    ]);
  });

  it('gives the fen left over to the largest remainders, ties to the owner listed first', () => {
    // 100 fen by three equal areas: 33.33 each, one fen left over, and all remainders equal → the first owner.
    expect(allocateByArea(100, shares([1, 1, 1])).map((s) => s.fen)).toEqual([34, 33, 33]);
    // 10 fen by 1:2:3 → 1.67, 3.33, 5 → floors 1, 3, 5; the one fen left goes to the largest remainder (0.67).
    expect(allocateByArea(10, shares([100, 200, 300])).map((s) => s.fen)).toEqual([2, 3, 5]);
    // Two fen left over among four equal remainders: the first two.
    expect(allocateByArea(6, shares([1, 1, 1, 1])).map((s) => s.fen)).toEqual([2, 2, 1, 1]);
  });

  it('gives nothing to an owner with no area, everything to the only owner', () => {
    expect(allocateByArea(999, shares([0, 8_950, 0])).map((s) => s.fen)).toEqual([0, 999, 0]);
    expect(allocateByArea(1, [{ id: 'only', area: 1 }])).toEqual([{ id: 'only', fen: 1 }]);
  });

  it('shares nothing among no one, and refuses an amount with no area to share it by', () => {
    expect(allocateByArea(0, [])).toEqual([]);
    expect(allocateByArea(0, shares([0, 0]))).toEqual([
      { id: 'u0', fen: 0 },
      { id: 'u1', fen: 0 },
    ]);
    expect(() => allocateByArea(1, shares([0, 0]))).toThrow(RangeError);
    expect(() => allocateByArea(1, [])).toThrow(RangeError);
    expect(() => allocateByArea(-1, shares([1]))).toThrow(RangeError);
    expect(() => allocateByArea(1.5, shares([1]))).toThrow(RangeError);
    expect(() => allocateByArea(1, shares([1.5]))).toThrow(RangeError);
  });

  it('is exact where the product of amount and area passes 2⁵³', () => {
    const total = 9_000_000_000_000; // 900 亿元 in fen
    const [a, b] = allocateByArea(total, shares([99_999_999, 1]));
    expect(a!.fen + b!.fen).toBe(total);
    expect(b!.fen).toBe(90_000);
  });

  const areas = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 300 });
  const amount = fc.integer({ min: 0, max: 1_000_000_000_000 });

  it('sums exactly, stays within one fen of the exact share, and keeps the order (property)', () => {
    fc.assert(
      fc.property(amount, areas, (total, list) => {
        fc.pre(list.some((a) => a > 0));
        const result = allocateByArea(total, shares(list));
        expect(result.map((s) => s.id)).toEqual(list.map((_, i) => `u${i}`));
        expect(result.reduce((sum, s) => sum + BigInt(s.fen), 0n)).toBe(BigInt(total));
        const totalArea = list.reduce((sum, a) => sum + BigInt(a), 0n);
        result.forEach((share, i) => {
          // |fen − total·area/Σarea| < 1  ⇔  |fen·Σarea − total·area| < Σarea
          const gap = BigInt(share.fen) * totalArea - BigInt(total) * BigInt(list[i]!);
          expect(gap < 0n ? -gap : gap).toBeLessThan(totalArea);
          if (list[i] === 0) expect(share.fen).toBe(0);
        });
      }),
    );
  });

  it('gives an owner with more area never fewer fen than one with less (property)', () => {
    fc.assert(
      fc.property(amount, areas, (total, list) => {
        fc.pre(list.some((a) => a > 0));
        const result = allocateByArea(total, shares(list));
        for (let i = 0; i < list.length; i++)
          for (let j = 0; j < list.length; j++)
            if (list[i]! > list[j]!) expect(result[i]!.fen).toBeGreaterThanOrEqual(result[j]!.fen);
      }),
      { numRuns: 50 },
    );
  });

  it('shares among 20,000 owners exactly', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({ id: `u${i}`, area: 5_000 + ((i * 7919) % 10_000) }));
    const result = allocateByArea(123_456_789, many);
    expect(result).toHaveLength(20_000);
    expect(result.reduce((sum, s) => sum + s.fen, 0)).toBe(123_456_789);
  });
});
