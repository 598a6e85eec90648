import { chainHash, sha256Hex } from '@city/plugin-sdk/hashing';
import type { BoardOwner, BoardTerms } from './types.ts';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The roll commitment: SHA-256 over every counting owner — its id, kind, area, headcount, units (pseudonym, building,
 * area) and the keyed ids of who may vote for it — in one canonical order. Changing one area, moving one unit,
 * or adding or removing one voter changes it.
 */
export function rollCommitment(meetingId: string, owners: readonly BoardOwner[]): string {
  const canonical = [...owners]
    .sort((a, b) => byText(a.id, b.id))
    .map((o) => [
      o.id,
      o.kind,
      o.area,
      o.headcount,
      [...o.units].sort((a, b) => byText(a.ref, b.ref)).map((u) => [u.ref, u.building, u.area]),
      [...o.voters].sort(byText),
    ]);
  return sha256Hex(JSON.stringify(['roll', meetingId, canonical]));
}

/** The chain's first link: the roll commitment extended by the meeting's window and agenda, fixed before any ballot. */
export function chainStart(commitment: string, terms: BoardTerms): string {
  const motions = [...terms.motions]
    .sort((a, b) => a.position - b.position)
    .map((m) => [
      m.id,
      m.position,
      m.kind,
      m.threshold,
      m.seats,
      m.candidates,
      m.scope ? [...m.scope].sort(byText) : null,
    ]);
  return chainHash(commitment, JSON.stringify(['terms', terms.meetingId, terms.opensAt, terms.closesAt, motions]));
}
