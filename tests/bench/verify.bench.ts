import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '@city/plugin-sdk/hashing';
import {
  BOARD_FORMAT,
  chainStart,
  choicesDigest,
  entryHash,
  receiptDigest,
  recount,
  rollCommitment,
  verifyBoard,
  type Answer,
  type Board,
  type BoardEntry,
  type BoardMotion,
  type BoardOwner,
  type EntryFacts,
} from '../../plugins/voting/src/board/index.ts';

const BALLOTS = Number(process.env.BENCH_VERIFY_BALLOTS ?? 20_000);
const RUNS = Number(process.env.BENCH_VERIFY_RUNS ?? 5);
const TARGET_MS = 2_000;
const BUILDINGS = Array.from({ length: 40 }, (_, i) => `building-${i}`);
const CANDIDATES = Array.from({ length: 15 }, (_, i) => `candidate-${i}`);
const CHOICES = ['agree', 'agree', 'agree', 'oppose', 'abstain'] as const;

const motion = (id: string, position: number, extra: Partial<BoardMotion> = {}): BoardMotion => ({
  id,
  position,
  title: id,
  kind: 'motion',
  threshold: 'ordinary',
  seats: null,
  candidates: [],
  scope: null,
  ...extra,
});

/**
 * A counted meeting of BALLOTS counting owners (one unit each, 40 buildings), everyone voting online: three motions
 * (one of ¾, one scoped to one building) and a 9-seat election of 15 candidates; the result recounted and published.
 * Built with the same pure functions the server seals with, so the verifier has every digest, link and total to redo.
 */
function countedBoard(): Board {
  const meetingId = 'bench-meeting';
  const motions = [
    motion('rules', 1),
    motion('fund', 2, { threshold: 'special' }),
    motion('lift', 3, { threshold: 'special', scope: [BUILDINGS[0]!] }),
    motion('committee', 4, { kind: 'election', seats: 9, candidates: CANDIDATES }),
  ];
  const owners: BoardOwner[] = Array.from({ length: BALLOTS }, (_, i) => ({
    id: sha256Hex(`owner-${i}`).slice(0, 32),
    kind: 'owner',
    area: 5_000 + ((i * 7919) % 10_001),
    headcount: 1,
    units: [
      { ref: sha256Hex(`unit-${i}`).slice(0, 32), building: BUILDINGS[i % 40]!, area: 5_000 + ((i * 7919) % 10_001) },
    ],
    voters: [sha256Hex(`voter-${i}`).slice(0, 32)],
  }));
  const terms = { meetingId, opensAt: '2026-12-17T00:00:00.000Z', closesAt: '2026-12-24T00:00:00.000Z', motions };
  const commitment = rollCommitment(meetingId, owners);
  const start = chainStart(commitment, terms);
  let prev = start;
  const entries: BoardEntry[] = owners.map((owner, i) => {
    const answers: Answer[] = [
      { motionId: 'rules', choice: CHOICES[i % 5]! },
      { motionId: 'fund', choice: CHOICES[(i + 1) % 5]! },
      ...(owner.units[0]!.building === BUILDINGS[0] ? [{ motionId: 'lift', choice: CHOICES[(i + 2) % 5]! }] : []),
      {
        motionId: 'committee',
        candidateIds: CANDIDATES.filter((_, c) => (i + c) % 3 === 0)
          .slice(0, 9)
          .sort(),
      },
    ];
    const nonce = sha256Hex(`nonce-${i}`).slice(0, 32);
    const facts: EntryFacts = {
      kind: 'accepted',
      owner: owner.id,
      channel: 'online',
      receipt: receiptDigest(`receipt-${i}`),
      choices: choicesDigest(nonce, answers),
      at: new Date(Date.parse(terms.opensAt) + i * 1000).toISOString(),
      receivedAt: null,
      supersedes: null,
      sheet: null,
      proxy: null,
      authorisation: null,
    };
    const hash = entryHash(prev, facts);
    const entry = { ...facts, seq: i + 1, prev, hash, reveal: { nonce, answers } };
    prev = hash;
    return entry;
  });
  const total = owners.reduce((s, o) => ({ area: s.area + o.area, count: s.count + 1 }), { area: 0, count: 0 });
  return {
    format: BOARD_FORMAT,
    neighbourhood: '基准小区',
    meeting: { id: meetingId, title: '基准业主大会', status: 'closed', disclosure: 'hidden' },
    terms,
    buildings: BUILDINGS.map((id, i) => ({ id, name: `${i + 1}栋` })),
    roll: { commitment, total, owners, announced: null },
    chain: { start, head: prev, entries },
    totals: recount(
      owners,
      motions,
      entries.map((e) => ({ owner: e.owner, answers: e.reveal!.answers })),
    ),
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const timed = (run: () => unknown) => {
  const started = performance.now();
  run();
  return performance.now() - started;
};

/**
 * The offline verifier on a counted 20,000-ballot board: the whole command (`node tools/verify-meeting.ts`, a fresh
 * process reading the file) and the verification alone, against the floor any verifier pays — reading the JSON and
 * one SHA-256 per entry — in the same process.
 */
export async function run() {
  const board = countedBoard();
  const text = JSON.stringify(board);
  const dir = mkdtempSync(join(tmpdir(), 'verify-bench-'));
  const file = join(dir, 'board.json');
  writeFileSync(file, text);
  try {
    const floor: number[] = [];
    const verify: number[] = [];
    const command: number[] = [];
    let verified = true;
    for (let i = 0; i < RUNS; i++) {
      floor.push(
        timed(() => {
          const parsed = JSON.parse(text) as Board;
          for (const e of parsed.chain.entries) sha256Hex(e.prev + e.hash);
        }),
      );
      verify.push(timed(() => (verified &&= verifyBoard(JSON.parse(text) as Board).ok)));
      let status: number | null = null;
      command.push(
        timed(() => {
          status = spawnSync(process.execPath, ['tools/verify-meeting.ts', file], { stdio: 'ignore' }).status;
        }),
      );
      verified &&= status === 0;
    }
    console.log(
      `\noffline verifier — a counted board of ${BALLOTS.toLocaleString('en')} ballots (${(text.length / 1e6).toFixed(1)} MB), median of ${RUNS}`,
    );
    console.table([
      {
        case: 'floor: read the JSON, one SHA-256 per entry',
        'median ms': Math.round(median(floor)),
        'vs floor': '1.0×',
      },
      {
        case: 'verifyBoard (read, roll, chain, digests, recount)',
        'median ms': Math.round(median(verify)),
        'vs floor': `${(median(verify) / median(floor)).toFixed(1)}×`,
      },
      {
        case: 'node tools/verify-meeting.ts board.json (whole command)',
        'median ms': Math.round(median(command)),
        'vs floor': `${(median(command) / median(floor)).toFixed(1)}×`,
      },
    ]);
    console.table([
      {
        check: `whole command < ${TARGET_MS} ms`,
        value: `${Math.round(median(command))} ms`,
        ok: median(command) < TARGET_MS,
      },
      { check: 'every run verified', value: String(verified), ok: verified },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
