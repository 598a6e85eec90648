import { chainHash } from '@city/plugin-sdk/hashing';
import type { BoardEntry, EntryFacts } from './types.ts';

/** What an entry's hash covers, as text with a fixed order: its kind (the status it records) and every counted field. */
export const entryPayload = (f: EntryFacts) =>
  JSON.stringify([
    f.kind,
    f.owner,
    f.channel,
    f.receipt,
    f.choices,
    f.at,
    f.receivedAt,
    f.supersedes,
    f.sheet,
    f.proxy,
    f.authorisation,
  ]);

/** Entry n's hash: SHA-256(hash n−1 ‖ payload n). */
export const entryHash = (prev: string, facts: EntryFacts) => chainHash(prev, entryPayload(facts));

export type ChainBreak = { seq: number; reason: 'order' | 'link' | 'hash' | 'head' };

/** Walks the chain from its start; the first entry out of order, off its link or with a hash its facts do not give. */
export function walkChain(start: string, head: string, entries: readonly BoardEntry[]): ChainBreak | null {
  let prev = start;
  for (const [i, entry] of entries.entries()) {
    if (entry.seq !== i + 1) return { seq: i + 1, reason: 'order' };
    if (entry.prev !== prev) return { seq: entry.seq, reason: 'link' };
    if (entry.hash !== entryHash(prev, entry)) return { seq: entry.seq, reason: 'hash' };
    prev = entry.hash;
  }
  return prev === head ? null : { seq: entries.length + 1, reason: 'head' };
}
