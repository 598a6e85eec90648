import type { PluginContext } from '@city/plugin-sdk/server';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { choicesDigest, entryHash, keyedId, receiptDigest, type Answer, type EntryFacts } from '../board/index.ts';
import { ballots, meetings } from '../schema.ts';
import type { Ballot } from './ballot-rules.ts';

type FactFields =
  | 'rollOwnerId'
  | 'receipt'
  | 'channel'
  | 'status'
  | 'choices'
  | 'nonce'
  | 'wholeInvalid'
  | 'acceptedAt'
  | 'receivedAt'
  | 'supersedes'
  | 'paperRef'
  | 'proxyName'
  | 'proxyAuthorisation';

/** A proxy holder as people write the name: one spelling, so one holder is one pseudonym. */
export const holderKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

/**
 * What a ballot's chain entry commits to (board/types.ts EntryFacts): its kind — accepted, 废票 as a whole, or
 * rejected at the second check — and every field the count reads; the choices by their salted digest, the receipt,
 * the proxy holder and the authorisation by theirs.
 */
export function entryFacts(b: Pick<Ballot, FactFields>, salt: string): EntryFacts {
  const kind = b.status === 'rejected' ? 'rejected' : b.wholeInvalid ? 'invalid' : 'accepted';
  return {
    kind,
    owner: b.rollOwnerId,
    channel: b.channel,
    receipt: receiptDigest(b.receipt),
    choices: kind === 'accepted' ? choicesDigest(b.nonce ?? '', b.choices as unknown as Answer[]) : null,
    at: b.acceptedAt!.toISOString(),
    receivedAt: b.receivedAt?.toISOString() ?? null,
    supersedes: b.supersedes === null ? null : receiptDigest(b.supersedes),
    sheet: b.paperRef,
    proxy: b.proxyName === null ? null : keyedId(salt, holderKey(b.proxyName)),
    authorisation: b.proxyAuthorisation,
  };
}

/** Rows per sealing update: four parameters each, well under Postgres's 65,535. */
const SEAL_CHUNK = 5000;

/** The end of a meeting's chain, as the transaction holding its lock sees it, with the meeting's pseudonym key. */
export interface ChainTip {
  head: string;
  seq: number;
  salt: string;
}
export type Sealed = Map<string, { seq: number; prev: string; hash: string }>;

/** Chain entries for ballots, in order, after `tip`: entry n is SHA-256(entry n−1 ‖ payload n). */
export function chainEntries(tip: ChainTip, rows: ReadonlyArray<Pick<Ballot, 'id' | FactFields>>) {
  let { head, seq } = tip;
  const entries: Array<{ id: string; seq: number; prev: string; hash: string }> = [];
  for (const row of rows) {
    const hash = entryHash(head, entryFacts(row, tip.salt));
    entries.push({ id: row.id, seq: ++seq, prev: head, hash });
    head = hash;
  }
  return { entries, tip: { head, seq, salt: tip.salt } };
}

/** Writes chain entries onto ballots already stored. */
export async function writeEntries(
  ctx: PluginContext<unknown>,
  entries: ReadonlyArray<{ id: string; seq: number; prev: string; hash: string }>,
) {
  for (let i = 0; i < entries.length; i += SEAL_CHUNK) {
    const rows = entries
      .slice(i, i + SEAL_CHUNK)
      .map((e) => sql`(${e.id}::uuid, ${e.seq}::integer, ${e.prev}, ${e.hash})`);
    await ctx.db.execute(sql`update ${ballots} set seq = v.seq, prev_hash = v.prev, entry_hash = v.hash
      from (values ${sql.join(rows, sql`, `)}) as v(id, seq, prev, hash) where ${ballots.id} = v.id`);
  }
}

/** Seals the meeting's decided ballots not in its chain yet, in the order they were decided. Holds the chain lock. */
export async function sealPending(
  ctx: PluginContext<unknown>,
  meetingId: string,
  tip: ChainTip,
): Promise<{ tip: ChainTip; sealed: Sealed }> {
  const unsealed = await ctx.db
    .select()
    .from(ballots)
    .where(
      and(
        eq(ballots.meetingId, meetingId),
        isNull(ballots.seq),
        inArray(ballots.status, ['accepted', 'superseded', 'rejected']),
      ),
    )
    .orderBy(asc(ballots.acceptedAt), asc(ballots.id));
  const chained = chainEntries(tip, unsealed);
  await writeEntries(ctx, chained.entries);
  return { tip: chained.tip, sealed: new Map(chained.entries.map((e) => [e.id, e])) };
}

export const moveTip = (ctx: PluginContext<unknown>, meetingId: string, tip: ChainTip) =>
  ctx.db.update(meetings).set({ ballotSeq: tip.seq, chainHead: tip.head }).where(eq(meetings.id, meetingId));

/**
 * Appends the meeting's decided ballots that are not in its chain yet. The chain's lock is the meeting row's NO KEY
 * UPDATE: online ballots take it for their whole group and are written already sealed; paper confirmations and
 * changes are written without it and sealed here — `ifFree` after them (whoever holds the lock seals next), `wait`
 * before the count and before a check. FOR KEY SHARE (paper entries) does not conflict with it; the count's FOR
 * UPDATE does.
 */
export async function sealChain(
  ctx: PluginContext<unknown>,
  meetingId: string,
  mode: 'wait' | 'ifFree',
): Promise<Sealed> {
  const query = ctx.db
    .select({ head: meetings.chainHead, seq: meetings.ballotSeq, salt: meetings.rollSalt })
    .from(meetings)
    .where(eq(meetings.id, meetingId));
  const [meeting] =
    mode === 'wait' ? await query.for('no key update') : await query.for('no key update', { skipLocked: true });
  if (!meeting?.head || !meeting.salt) return new Map();
  const { tip, sealed } = await sealPending(ctx, meetingId, {
    head: meeting.head,
    seq: meeting.seq,
    salt: meeting.salt,
  });
  if (sealed.size) await moveTip(ctx, meetingId, tip);
  return sealed;
}

/** With the seal's result, the ballot as it now stands (in the chain if this request sealed it). */
export const withSeal = (ballot: Ballot, sealed: Sealed): Ballot => {
  const entry = sealed.get(ballot.id);
  return entry ? { ...ballot, seq: entry.seq, prevHash: entry.prev, entryHash: entry.hash } : ballot;
};
