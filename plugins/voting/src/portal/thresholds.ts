import { approved, quorumMet, type Threshold } from '@city/plugin-sdk/voting';

// The law tests area and headcount together (docs/domain.md §1); a chart shows each on its own bar, so it asks the
// core's own tests one dimension at a time (the same figure as both) instead of writing the arithmetic again.

/** Whether one dimension's agreeing share reaches the motion's threshold. */
export const dimensionApproved = (threshold: Threshold, agree: number, participants: number) =>
  approved(threshold, { area: agree, count: agree }, { area: participants, count: participants });

/** Whether one dimension's participation reaches two thirds. */
export const dimensionQuorum = (participants: number, total: number) =>
  quorumMet({ area: participants, count: participants }, { area: total, count: total });

/** Where a bar draws its threshold line, in percent of the participants: 过半数, or 四分之三. */
export const THRESHOLD_LINE: Record<Threshold, number> = { ordinary: 50, special: 75 };
