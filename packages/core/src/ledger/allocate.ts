/** One owner's claim on a distribution: exclusive area in 0.01 m² (the registry's counting area, DOMAIN.md §2). */
export interface AreaShare {
  id: string;
  area: number;
}

export interface FenShare {
  id: string;
  fen: number;
}

/**
 * Splits `totalFen` among owners in proportion to their areas, in whole fen (分红 by exclusive area).
 *
 * Each owner first gets the floor of the exact share `totalFen × area ÷ Σarea`; the fen left over (fewer than the
 * number of owners) go one each to the largest remainders, and where remainders are equal, to the owner listed first.
 * So the result sums to `totalFen` exactly, every share is within one fen of the exact share, an owner with no area
 * gets nothing, and the same input always gives the same output. Arithmetic is in BigInt: `totalFen × area` passes
 * 2⁵³ for large funds.
 *
 * Returns the shares in the order given. Throws a RangeError for a negative or fractional amount or area, or for an
 * amount to share among owners with no area at all.
 */
export function allocateByArea(totalFen: number, shares: readonly AreaShare[]): FenShare[] {
  if (!Number.isSafeInteger(totalFen) || totalFen < 0) throw new RangeError(`totalFen must be a whole number ≥ 0`);
  for (const share of shares) {
    if (!Number.isSafeInteger(share.area) || share.area < 0)
      throw new RangeError(`the area of ${share.id} must be a whole number ≥ 0`);
  }
  const total = BigInt(totalFen);
  const totalArea = shares.reduce((sum, share) => sum + BigInt(share.area), 0n);
  if (totalArea === 0n) {
    if (total === 0n) return shares.map(({ id }) => ({ id, fen: 0 }));
    throw new RangeError('there is no area to share the amount by');
  }

  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  let given = 0n;
  for (const share of shares) {
    const exact = total * BigInt(share.area);
    floors.push(exact / totalArea);
    remainders.push(exact % totalArea);
    given += exact / totalArea;
  }
  const order = shares.map((_, i) => i);
  order.sort((a, b) => (remainders[a]! === remainders[b]! ? a - b : remainders[b]! > remainders[a]! ? 1 : -1));
  for (let k = 0; k < Number(total - given); k++) floors[order[k]!]! += 1n;
  return shares.map(({ id }, i) => ({ id, fen: Number(floors[i]!) }));
}
