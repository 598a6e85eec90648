import { tallyElection, tallyMotion, type Figures } from '@city/plugin-sdk/voting';
import type { Answer, BoardMotion, BoardOwner, MotionResult } from './types.ts';

/**
 * A counting owner's share of a motion's scope: the area of its units in the scope's buildings (all of them for the
 * whole neighbourhood), or null when none is — then the motion is not on its ballot and it is not on the motion's roll
 * (docs/domain.md §1, scope).
 */
export function scopedArea(owner: BoardOwner, scope: readonly string[] | null): number | null {
  if (scope === null) return owner.area;
  const buildings = new Set(scope);
  let area = 0;
  let inside = false;
  for (const unit of owner.units) {
    if (!buildings.has(unit.building)) continue;
    inside = true;
    area += unit.area;
  }
  return inside ? area : null;
}

/** Whether a motion of this scope is on the ballot of a counting owner with units in these buildings. */
export const inScope = (buildings: readonly string[], scope: readonly string[] | null) =>
  scope === null || buildings.some((b) => scope.includes(b));

/** The motions on this counting owner's ballot, in agenda order. */
export const motionsFor = <M extends Pick<BoardMotion, 'scope' | 'position'>>(
  owner: BoardOwner,
  motions: readonly M[],
) =>
  [...motions]
    .sort((a, b) => a.position - b.position)
    .filter((m) =>
      inScope(
        owner.units.map((u) => u.building),
        m.scope,
      ),
    );

/** A motion's roll totals: the counting owners in its scope, each with its scoped area and one head. */
export function scopedTotal(owners: readonly BoardOwner[], scope: readonly string[] | null): Figures {
  const total = { area: 0, count: 0 };
  for (const owner of owners) {
    const area = scopedArea(owner, scope);
    if (area === null) continue;
    total.area += area;
    total.count += 1;
  }
  return total;
}

/** A counted ballot: a counting owner's answers, or a whole sheet found 废票 (`answers` null). */
export interface CountedBallot {
  owner: string;
  answers: readonly Answer[] | null;
}

/**
 * Every motion's result from the counted ballots (docs/domain.md §1–2): on each motion, the counting owners in its
 * scope with their scoped areas, by the Civil Code's pure tally functions. A sheet that is 废票 as a whole takes part
 * in every motion on its ballot and agrees with none.
 */
export function recount(
  owners: readonly BoardOwner[],
  motions: readonly BoardMotion[],
  counted: readonly CountedBallot[],
): Record<string, MotionResult> {
  const byId = new Map(owners.map((o) => [o.id, o]));
  const results: Record<string, MotionResult> = {};
  for (const motion of [...motions].sort((a, b) => a.position - b.position)) {
    const total = scopedTotal(owners, motion.scope);
    const answers: Array<{ area: number; answer: Answer | null }> = [];
    for (const ballot of counted) {
      const area = scopedArea(byId.get(ballot.owner)!, motion.scope);
      if (area === null) continue;
      answers.push({ area, answer: ballot.answers?.find((a) => a.motionId === motion.id) ?? null });
    }
    results[motion.id] =
      motion.kind === 'election'
        ? tallyElection({
            seats: motion.seats ?? 0,
            candidateIds: motion.candidates,
            total,
            ballots: answers.map(({ area, answer }) =>
              answer && 'candidateIds' in answer
                ? { area, choices: answer.candidateIds }
                : { area, invalid: true, choices: [] },
            ),
          })
        : tallyMotion({
            threshold: motion.threshold,
            total,
            ballots: answers.map(({ area, answer }) => ({
              area,
              choice: answer && 'choice' in answer ? answer.choice : 'invalid',
            })),
          });
  }
  return results;
}
