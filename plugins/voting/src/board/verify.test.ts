import { describe, expect, it } from 'vitest';
import { entryHash } from './chain.ts';
import { chainStart, rollCommitment } from './commitment.ts';
import { choicesDigest, receiptDigest } from './digests.ts';
import { recount } from './recount.ts';
import { BOARD_FORMAT, type Answer, type Board, type BoardEntry, type BoardOwner, type EntryFacts } from './types.ts';
import { verifyBoard } from './verify.ts';

const MEETING = 'm1';
const A = 'b-a';
const B = 'b-b';
// Ten owners of 100 m²: o0–o5 in building A, o6–o9 in building B; o9 also owns a unit in A.
const owners: BoardOwner[] = Array.from({ length: 10 }, (_, i) => ({
  id: `o${i}`,
  kind: 'owner' as const,
  area: i === 9 ? 20000 : 10000,
  headcount: 1,
  units: [
    { ref: `u${i}`, building: i < 6 ? A : B, area: 10000 },
    ...(i === 9 ? [{ ref: 'u9a', building: A, area: 10000 }] : []),
  ],
  voters: [`v${i}`],
}));
const terms = {
  meetingId: MEETING,
  opensAt: '2026-12-17T00:00:00.000Z',
  closesAt: '2026-12-24T00:00:00.000Z',
  motions: [
    {
      id: 'whole',
      position: 1,
      title: '管理规约',
      kind: 'motion' as const,
      threshold: 'ordinary' as const,
      seats: null,
      candidates: [],
      scope: null,
    },
    {
      id: 'lift',
      position: 2,
      title: '1栋电梯',
      kind: 'motion' as const,
      threshold: 'special' as const,
      seats: null,
      candidates: [],
      scope: [A],
    },
  ],
};

type Cast = {
  owner: string;
  choices?: Answer[];
  kind?: EntryFacts['kind'];
  supersedes?: string;
  channel?: EntryFacts['channel'];
};

function board(casts: Cast[], closed = true): Board {
  const commitment = rollCommitment(MEETING, owners);
  const start = chainStart(commitment, terms);
  let prev = start;
  const entries: BoardEntry[] = casts.map((c, i) => {
    const nonce = `n${i}`;
    const kind = c.kind ?? 'accepted';
    const facts: EntryFacts = {
      kind,
      owner: c.owner,
      channel: c.channel ?? 'online',
      receipt: receiptDigest(`R${i}`),
      choices: kind === 'accepted' ? choicesDigest(nonce, c.choices!) : null,
      at: '2026-12-18T00:00:00.000Z',
      receivedAt: c.channel && c.channel !== 'online' ? '2026-12-18T00:00:00.000Z' : null,
      supersedes: c.supersedes ? receiptDigest(c.supersedes) : null,
      sheet: null,
      proxy: null,
      authorisation: null,
    };
    const hash = entryHash(prev, facts);
    const entry: BoardEntry = {
      ...facts,
      seq: i + 1,
      prev,
      hash,
      ...(closed && kind === 'accepted' ? { reveal: { nonce, answers: c.choices! } } : {}),
    };
    prev = hash;
    return entry;
  });
  const b: Board = {
    format: BOARD_FORMAT,
    neighbourhood: '金色家园',
    meeting: { id: MEETING, title: '第一次业主大会', status: 'open', disclosure: 'room' },
    terms,
    buildings: [
      { id: A, name: '1栋' },
      { id: B, name: '2栋' },
    ],
    roll: { commitment, total: { area: 110000, count: 10 }, owners, announced: null },
    chain: { start, head: prev, entries },
    totals: null,
  };
  if (closed) {
    // As the count does: the opened board is recounted, and the recount published with it.
    const verified = verifyBoard(b);
    if (!verified.ok) throw new Error(verified.difference.detail);
    b.totals = verified.totals;
    b.meeting.status = 'closed';
  }
  return b;
}

const both = (
  whole: Answer['motionId'] extends string ? 'agree' | 'oppose' | 'abstain' : never,
  lift?: 'agree' | 'oppose' | 'abstain',
): Answer[] => [{ motionId: 'whole', choice: whole }, ...(lift ? [{ motionId: 'lift', choice: lift }] : [])];
// o0–o5 and o9 see both motions; o6–o8 only the whole-neighbourhood one.
const casts: Cast[] = [
  { owner: 'o0', choices: both('agree', 'agree') },
  { owner: 'o1', choices: both('agree', 'agree') },
  { owner: 'o2', choices: both('agree', 'agree') },
  { owner: 'o3', choices: both('oppose', 'agree') },
  { owner: 'o4', choices: both('agree', 'agree') },
  { owner: 'o6', choices: both('agree') },
  { owner: 'o7', choices: both('oppose') },
  { owner: 'o9', choices: both('abstain', 'oppose') },
  { owner: 'o5', kind: 'invalid', channel: 'paper' },
];

describe('a meeting bulletin board', () => {
  it('verifies and recounts a scoped motion over the units in its scope only', () => {
    const result = verifyBoard(board(casts));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.counted).toBe(9);
    const lift = result.totals!.lift!;
    // Scope A: o0–o5 (100 m² each) and o9's one unit in A: 7 owners, 700 m².
    expect(lift.total).toEqual({ area: 70000, count: 7 });
    expect(lift.participants).toEqual({ area: 70000, count: 7 });
    expect('agree' in lift && lift.agree).toEqual({ area: 50000, count: 5 });
    const whole = result.totals!.whole!;
    expect(whole.total).toEqual({ area: 110000, count: 10 });
    expect(whole.participants).toEqual({ area: 100000, count: 9 });
  });

  it('verifies a board during voting without choices, and leaves the tally for the count', () => {
    const result = verifyBoard(board(casts, false));
    expect(result).toEqual({ ok: true, entries: 9, counted: 9, totals: null });
  });

  it('follows a replaced ballot: the replacement names it and only the replacement counts', () => {
    const changed = board([...casts, { owner: 'o7', choices: both('agree'), supersedes: 'R6' }]);
    const result = verifyBoard(changed);
    expect(result.ok && 'agree' in result.totals!.whole! && result.totals!.whole.agree.count).toBe(6);
    const twice = verifyBoard(board([...casts, { owner: 'o7', choices: both('agree') }], false));
    expect(!twice.ok && twice.difference.code).toBe('entry_twice');
  });

  const tampered: Array<[string, (b: Board) => void, string]> = [
    ['an area', (b) => (b.roll.owners[2]!.units[0]!.area = 12000), 'roll_owner'],
    [
      'an owner’s area and its unit together',
      (b) => {
        b.roll.owners[2]!.area = 12000;
        b.roll.owners[2]!.units[0]!.area = 12000;
      },
      'roll_commitment',
    ],
    ['a voter', (b) => (b.roll.owners[3]!.voters = ['someone-else']), 'roll_commitment'],
    ['a unit moved to another building', (b) => (b.roll.owners[8]!.units[0]!.building = A), 'roll_commitment'],
    ['a scope', (b) => (b.terms.motions[1]!.scope = [A, B]), 'terms'],
    ['a status', (b) => (b.chain.entries[3]!.kind = 'rejected'), 'chain_hash'],
    ['a choice', (b) => (b.chain.entries[3]!.reveal!.answers = both('agree', 'agree')), 'entry_reveal'],
    ['a deleted entry', (b) => b.chain.entries.splice(4, 1), 'chain_order'],
    [
      'a re-ordered entry',
      (b) => {
        const [x] = b.chain.entries.splice(2, 1);
        b.chain.entries.splice(5, 0, x!);
      },
      'chain_order',
    ],
    ['the last entry dropped', (b) => b.chain.entries.pop(), 'chain_head'],
    [
      'a total',
      (b) => {
        const whole = b.totals!.whole!;
        if ('agree' in whole) whole.agree.area += 100;
      },
      'result',
    ],
    [
      'an outcome',
      (b) => {
        const lift = b.totals!.lift!;
        if ('outcome' in lift) lift.outcome = 'passed';
      },
      'result',
    ],
  ];
  it.each(tampered)('refuses a board with a changed %s', (_, tamper, code) => {
    const b = structuredClone(board(casts));
    tamper(b);
    const result = verifyBoard(b);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.difference.code).toBe(code);
  });

  it('refuses an entry received after the deadline and a ballot that answers a motion outside its owner’s scope', () => {
    const late = board(casts, false);
    const lateEntryBoard = structuredClone(late);
    lateEntryBoard.terms.closesAt = '2026-12-17T12:00:00.000Z';
    // The terms are covered by the chain's start: moving the deadline alone is caught there first.
    expect(verifyBoard(lateEntryBoard).ok).toBe(false);
    expect(() => board([{ owner: 'o7', choices: both('agree', 'agree') }])).toThrow(/not on its owner/);
  });

  it('recounts with the same tally the server uses', () => {
    const result = recount(owners, terms.motions, [{ owner: 'o0', answers: both('agree', 'agree') }]);
    expect(result.whole!.participants).toEqual({ area: 10000, count: 1 });
    expect(result.whole!.quorumMet).toBe(false);
  });
});
