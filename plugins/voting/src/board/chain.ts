import { chainHash } from '@city/plugin-sdk/hashing';
import type { EntryFacts } from './types.ts';

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
