import { entryHash } from './chain.ts';
import { differ } from './difference.ts';
import type { BoardEntry, BoardOwner } from './types.ts';

const BROKEN = {
  order: 'is out of order or missing',
  link: 'does not link to the entry before it',
  hash: 'has a hash its recorded facts do not give',
} as const;

/**
 * The chain's facts replayed entry by entry: each entry's place and link, then what it does to the count — an owner
 * of the roll, cast or received before the deadline, one counting ballot per owner, a replacement naming the ballot
 * it replaces. The verifier replays a whole board at once; the server's public check keeps one per meeting and
 * replays only the entries added since it last looked. Throws `Found` at the first difference.
 */
export class ChainReplay {
  /** Counting owner → the seq of the entry that counts for it now. */
  readonly counting = new Map<string, number>();
  /** Receipts replaced by a later entry. */
  readonly superseded = new Set<string>();
  /** Receipt → the seq of its latest entry (replacements name receipts). */
  private readonly receipts = new Map<string, number>();
  private readonly owners: ReadonlyMap<string, BoardOwner>;
  private readonly closesAt: number;
  private tip: string;
  private last = 0;

  constructor(owners: ReadonlyMap<string, BoardOwner>, closesAt: string, start: string) {
    this.owners = owners;
    this.closesAt = Date.parse(closesAt);
    this.tip = start;
  }

  /** The hash of the last entry replayed (the chain's start before any). */
  get head(): string {
    return this.tip;
  }

  /** The seq of the last entry replayed. */
  get seq(): number {
    return this.last;
  }

  seqOf(receipt: string): number | undefined {
    return this.receipts.get(receipt);
  }

  add(entry: BoardEntry): void {
    const seq = this.last + 1;
    if (entry.seq !== seq) differ({ code: 'chain_order', seq, detail: `entry ${seq} ${BROKEN.order}` });
    if (entry.prev !== this.tip) differ({ code: 'chain_link', seq, detail: `entry ${seq} ${BROKEN.link}` });
    if (entry.hash !== entryHash(this.tip, entry))
      differ({ code: 'chain_hash', seq, detail: `entry ${seq} ${BROKEN.hash}` });
    this.count(entry);
    this.tip = entry.hash;
    this.last = seq;
  }

  /** The published head is where the replay ended. */
  end(head: string): void {
    if (this.tip !== head)
      differ({
        code: 'chain_head',
        seq: this.last + 1,
        detail: `entry ${this.last + 1} is missing: the chain ends before the published head`,
      });
  }

  private count(entry: BoardEntry) {
    const { seq } = entry;
    if (!this.owners.has(entry.owner))
      differ({ code: 'entry_owner', seq, detail: `entry ${seq} names no counting owner of the roll` });
    // Online ballots count when cast before the deadline; paper and proxy sheets when received before it (their entry
    // and second check may follow, until the count).
    const time = Date.parse((entry.channel === 'online' ? entry.at : entry.receivedAt) ?? '');
    const late = Number.isNaN(time) || (entry.channel === 'online' ? time >= this.closesAt : time > this.closesAt);
    if (entry.kind !== 'rejected' && late)
      differ({
        code: 'entry_late',
        seq,
        detail: `entry ${seq} was cast or received after the deadline (or has no time)`,
      });
    const replaced = entry.supersedes;
    const current = this.counting.get(entry.owner);
    if (entry.kind !== 'rejected') {
      if (replaced === null) {
        if (current !== undefined)
          differ({
            code: 'entry_twice',
            seq,
            detail: `entry ${seq} counts a second ballot for counting owner ${entry.owner} without naming the one it replaces`,
          });
      } else if (current === undefined || this.receipts.get(replaced) !== current) {
        differ({
          code: 'entry_supersedes',
          seq,
          detail: `entry ${seq} replaces a ballot that was not counting for its owner`,
        });
      }
    }
    this.receipts.set(entry.receipt, seq);
    if (entry.kind === 'rejected') return;
    if (replaced !== null) this.superseded.add(replaced);
    this.counting.set(entry.owner, seq);
  }
}
