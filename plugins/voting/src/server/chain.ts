import { chainHash } from '@city/plugin-sdk/hashing';
import type { ChoiceInput } from '../contracts.ts';

/**
 * The per-meeting ballot log: entry n's hash is SHA-256(hash n−1 ‖ payload n), starting from the frozen roll's hash,
 * so the log commits to the roll and to every ballot in order.
 */
// Crockford's base32 without look-alikes: a code read aloud or typed from paper survives.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A receipt code: 60 random bits, written XXXX-XXXX-XXXX. */
export function receiptCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** A receipt as people type it: any case, with or without the dashes. */
export function normaliseReceipt(value: string): string | null {
  const chars = value.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{12}$/.test(chars)) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Choices in one order (the agenda's) and one spelling, whatever order they were given or stored in. */
export function canonicalChoices(choices: readonly ChoiceInput[], order: readonly string[]): ChoiceInput[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...choices]
    .sort((a, b) => (rank.get(a.motionId) ?? 0) - (rank.get(b.motionId) ?? 0))
    .map((c) =>
      'choice' in c
        ? { motionId: c.motionId, choice: c.choice }
        : { motionId: c.motionId, candidateIds: [...c.candidateIds].sort() },
    );
}

export interface EntryFacts {
  meetingId: string;
  rollOwnerId: string;
  receipt: string;
  channel: string;
  choices: ChoiceInput[];
  acceptedAt: Date;
  supersedes: string | null;
  paperRef: string | null;
  proxyName: string | null;
  proxyAuthorisation: string | null;
}

/** What an entry commits to, as text with a fixed key order (jsonb does not keep the order it was given). */
export function entryPayload(f: EntryFacts): string {
  const choices = f.choices.map((c) =>
    'choice' in c ? { m: c.motionId, c: c.choice } : { m: c.motionId, k: c.candidateIds },
  );
  return JSON.stringify([
    f.meetingId,
    f.rollOwnerId,
    f.receipt,
    f.channel,
    choices,
    f.acceptedAt.toISOString(),
    f.supersedes,
    f.paperRef,
    f.proxyName,
    f.proxyAuthorisation,
  ]);
}

export interface StoredEntry extends EntryFacts {
  seq: number;
  prevHash: string;
  entryHash: string;
}

/** Recomputes the chain from the roll hash; names the first entry whose stored facts or links do not match. */
export function checkChain(rollHash: string, head: string | null, entries: readonly StoredEntry[]) {
  let prev = rollHash;
  for (const [i, entry] of entries.entries()) {
    const expected = chainHash(prev, entryPayload(entry));
    if (entry.seq !== i + 1 || entry.prevHash !== prev || entry.entryHash !== expected) {
      return { ok: false, entries: entries.length, head, firstBrokenSeq: i + 1 };
    }
    prev = expected;
  }
  const ok = prev === (head ?? rollHash);
  return { ok, entries: entries.length, head, firstBrokenSeq: ok ? null : entries.length + 1 };
}
