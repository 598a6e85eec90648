/**
 * The largest area or count accepted: the rules multiply by at most 4, and every product must stay a safe integer,
 * or the exact comparisons stop being exact. (2.25·10¹³ m² in 0.01 m² — no roll comes near it.)
 */
const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 4);

export function isAmount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT;
}

export function assertAmount(value: number, what: string): void {
  if (!isAmount(value)) {
    throw new RangeError(`${what} must be an integer from 0 to ${MAX_AMOUNT}, got ${value}`);
  }
}

export function assertFigures(figures: { area: number; count: number }, what: string): void {
  assertAmount(figures.area, `${what}.area`);
  assertAmount(figures.count, `${what}.count`);
}

/** Ballots from owners outside the roll (or counted twice) would fake the quorum: refuse rather than tally. */
export function assertParticipantsWithinTotal(
  participants: { area: number; count: number },
  total: { area: number; count: number },
): void {
  assertFigures(participants, 'participants');
  if (participants.count > total.count || participants.area > total.area) {
    throw new RangeError(
      `participants (${participants.count} owners, area ${participants.area}) exceed the roll (${total.count} owners, area ${total.area})`,
    );
  }
}
