import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createWorldApp, type TestApp, type World } from '@city/testing';
import { votingPlugin } from '@city/plugin-voting/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBoard, type Board } from '../../plugins/voting/src/board/index.ts';
import { onlineBallots } from '../../plugins/voting/src/server/online-ballots.ts';
import {
  ballotFor,
  installVoting,
  openMeeting,
  seedVotingNeighbourhood,
} from '../../plugins/voting/src/server/testing.ts';

/**
 * The standalone verifier (tools/verify-meeting.ts) on a real board: a 20,000-unit meeting voted through the plugin's
 * own group commit, counted through the API, its board downloaded from the public route — verified as published, and
 * refused after each kind of tampering.
 */
// The 20,000 units the issue names on the embedded database; the Postgres and Neon runs check the same on fewer (they
// test the drivers, which a tenth of the ballots exercise as well).
const UNITS = (process.env.TEST_DATABASE ?? 'pglite') === 'pglite' ? 20_000 : 2_000;
const DAY = 24 * 60 * 60 * 1000;
const run = promisify(execFile);
const TOOL = join(import.meta.dirname, '../../tools/verify-meeting.ts');

let h: TestApp;
let world: World;
let board: Board;
let dir: string;

/** Runs the tool as a person would (the same Node that runs the tests), on a board written to a file. */
async function verifyFile(name: string, content: Board) {
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(content));
  try {
    const { stdout } = await run(process.execPath, [TOOL, file]);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

beforeAll(async () => {
  ({ h, world } = await createWorldApp({ plugins: [votingPlugin] }));
  dir = await mkdtemp(join(tmpdir(), 'board-'));
  expect((await installVoting(h, world)).status).toBe(200);
  const { singles } = await seedVotingNeighbourhood(h, world.tenantA.id, { singles: UNITS });
  const meeting = await openMeeting(h, world, '两万户业主大会');
  const tenant = { id: world.tenantA.id, slug: world.tenantA.slug, name: world.tenantA.name };
  // 70% of the owners vote, through the same group commit as the route.
  const voters = singles.slice(0, Math.floor(UNITS * 0.7));
  for (let i = 0; i < voters.length; i += 500)
    await Promise.all(
      voters.slice(i, i + 500).map((user) =>
        h.services.pluginRuntime.groups.submit(
          votingPlugin,
          tenant,
          { person: { id: user, displayName: '业主' } },
          onlineBallots,
          {
            meetingId: meeting.id,
            ...ballotFor(meeting, meeting.rollOwnerOf.get(user)!),
            idempotencyKey: null,
          },
        ),
      ),
    );
  h.clock.advance(14 * DAY);
  const closed = await h.call('POST', `${meeting.path}/close`, { token: world.tokens.committeeA });
  expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  const download = await h.call(
    'GET',
    `/api/v1/public/n/${world.tenantA.slug}/p/voting/meetings/${meeting.id}/board.json`,
  );
  expect(download.status).toBe(200);
  board = download.body as Board;
}, 600_000);
afterAll(() => h?.close());

describe('the standalone verifier on a 20,000-unit meeting', () => {
  it('verifies the board as published and prints the totals', async () => {
    expect(board.roll.owners).toHaveLength(UNITS);
    expect(board.chain.entries).toHaveLength(UNITS * 0.7);
    const { code, stdout } = await verifyFile('board.json', board);
    expect(code).toBe(0);
    expect(stdout).toContain('verified — ');
    expect(stdout).toContain(`${UNITS * 0.7} entries`);
    expect(stdout).toContain('通过 passed');
    // Every owner agreed with the first motion and opposed the second (ballotFor): 70% took part.
    const voted = UNITS * 0.7;
    expect(stdout).toContain(
      `1. 续聘物业服务企业: 参与 participants ${voted * 100}.00 ㎡ / ${voted} · 同意 agree ${voted * 100}.00 ㎡ / ${voted}`,
    );
  });

  const tamper: Array<[string, (b: Board) => void, string]> = [
    ['an area', (b) => (b.roll.owners[17]!.units[0]!.area += 1), 'roll_owner'],
    [
      'an owner and its unit together',
      (b) => {
        b.roll.owners[17]!.area += 100;
        b.roll.owners[17]!.units[0]!.area += 100;
      },
      'roll_commitment',
    ],
    ['a status', (b) => (b.chain.entries[100]!.kind = 'rejected'), 'chain_hash'],
    [
      'a choice',
      (b) => {
        const answer = b.chain.entries[200]!.reveal!.answers[0]!;
        if ('choice' in answer) answer.choice = 'oppose';
      },
      'entry_reveal',
    ],
    ['a deleted entry', (b) => b.chain.entries.splice(300, 1), 'chain_order'],
    [
      'a re-ordered entry',
      (b) => {
        const [moved] = b.chain.entries.splice(400, 1);
        b.chain.entries.splice(401, 0, moved!);
      },
      'chain_order',
    ],
    [
      'a changed total',
      (b) => {
        const first = Object.values(b.totals!)[0]!;
        if ('agree' in first) first.agree.count -= 1;
      },
      'result',
    ],
  ];
  it.each(tamper)('refuses the board with %s changed', (_, change, code) => {
    const copy = structuredClone(board);
    change(copy);
    const result = verifyBoard(copy);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.difference.code).toBe(code);
  });

  it('prints the first difference and fails when run on a tampered file', async () => {
    const copy = structuredClone(board);
    copy.chain.entries.splice(300, 1);
    const { code, stdout } = await verifyFile('tampered.json', copy);
    expect(code).toBe(1);
    expect(stdout).toContain('NOT VERIFIED');
    expect(stdout).toContain('first difference (chain_order): entry 301');
  });
});
