import { sha256Hex } from '@city/plugin-sdk/hashing';
import type { Answer } from './types.ts';

/** A receipt code as the chain names it: the voter can find their entry, nobody can go back to the code. */
export const receiptDigest = (receipt: string) => sha256Hex(`receipt:${receipt}`);

/** The answers in the chain's one spelling (short keys, agenda order as given). */
const spelled = (answers: readonly Answer[]) =>
  answers.map((a) => ('choice' in a ? { m: a.motionId, c: a.choice } : { m: a.motionId, k: a.candidateIds }));

/**
 * What an accepted entry commits to instead of the answers themselves: the random nonce keeps the few possible
 * answer sets from being guessed from the digest while voting runs; the count publishes nonce and answers.
 */
export const choicesDigest = (nonce: string, answers: readonly Answer[]) =>
  sha256Hex(JSON.stringify(['choices', nonce, spelled(answers)]));

/** A per-meeting pseudonym for an identifier (a registry unit, owner or proxy holder): unlinkable across meetings. */
export const keyedId = (salt: string, id: string) => sha256Hex(`${salt}:${id}`).slice(0, 32);

/** 128 random bits as hex: a meeting's salt, a ballot's nonce. */
export function randomHex(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
