export type DifferenceCode =
  | 'format'
  | 'roll_owner'
  | 'roll_commitment'
  | 'roll_total'
  | 'terms'
  | 'chain_order'
  | 'chain_link'
  | 'chain_hash'
  | 'chain_head'
  | 'entry_owner'
  | 'entry_late'
  | 'entry_twice'
  | 'entry_supersedes'
  | 'entry_reveal'
  | 'entry_answers'
  /** Server only: a ballot's stored status disagrees with the chain's facts. */
  | 'entry_status'
  | 'result';

/** The first thing on the board that does not add up, in words a person can follow to the field. */
export interface Difference {
  code: DifferenceCode;
  seq?: number;
  motionId?: string;
  detail: string;
}

/** Thrown at the first difference, so that each check reads as a straight line; caught where a verification ends. */
export class Found extends Error {
  readonly difference: Difference;
  constructor(difference: Difference) {
    super(difference.detail);
    this.difference = difference;
  }
}

export const differ = (difference: Difference): never => {
  throw new Found(difference);
};

/** The difference a check threw, or null; anything else is rethrown. */
export function caught(run: () => void): Difference | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof Found) return error.difference;
    throw error;
  }
}
