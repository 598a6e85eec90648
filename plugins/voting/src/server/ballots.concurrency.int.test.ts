import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  type CallResult,
  type TestApp,
  buildWorld,
  type World,
  signIn,
  withTenant,
} from '@city/testing';
import { votingPlugin } from './index.ts';
import {
  ballotFor,
  installVoting,
  openMeeting,
  seedVotingNeighbourhood,
  type OpenMeeting,
  type VotingNeighbourhood,
} from './testing.ts';

/**
 * Many submissions at the same moment (a double tap, a client retrying, two co-owners, a whole neighbourhood): each
 * counting owner still counts once, every answer is a receipt or a refusal (never a 500), and the chain stays whole.
 * On PGlite the requests take turns on one connection; on Postgres and Neon they really race.
 */

let h: TestApp;
let world: World;
let people: VotingNeighbourhood;
const EVERYONE = 30;

beforeAll(async () => {
  h = await createTestApp({ plugins: [votingPlugin] });
  world = await buildWorld(h);
  people = await seedVotingNeighbourhood(h, world.tenantA.id, { singles: EVERYONE, coOwners: true });
  expect((await installVoting(h, world)).status).toBe(200);
});
afterAll(() => h.close());

interface Attempt {
  token: string;
  key: string | null;
}

const cast = (meeting: OpenMeeting, rollOwnerId: string, attempt: Attempt) =>
  h.call('POST', `${meeting.path}/ballots`, {
    token: attempt.token,
    json: ballotFor(meeting, rollOwnerId),
    headers: attempt.key ? { 'idempotency-key': attempt.key } : {},
  });

/** What the meeting counted, as members see it and as stored. */
async function counted(meeting: OpenMeeting, token: string) {
  const view = await h.call('GET', meeting.path, { token });
  const chain = await h.call('GET', `${meeting.path}/chain`, { token });
  const { rows } = await withTenant(h.services.db, world.tenantA.id, (tx) =>
    tx.execute<{ status: string; seq: number | null }>(
      sql`select status, seq from voting_ballots where meeting_id = ${meeting.id} order by seq`,
    ),
  );
  return { participants: view.body.turnout.participants.count as number, chain: chain.body, rows };
}

/**
 * One 201 with the receipt; every repeat of the winning request's key (by the same person) 200 with the same receipt,
 * even one that raced the winner into the unique index; everyone else 409 voting.already_voted.
 */
function expectOneWinner(attempts: Attempt[], results: CallResult[]) {
  const unexpected = results.filter((r) => ![200, 201, 409].includes(r.status));
  expect(unexpected.map((r) => ({ status: r.status, body: r.body }))).toEqual([]);
  const winners = results.flatMap((r, i) =>
    r.status === 201 ? [{ attempt: attempts[i]!, receipt: r.body.receipt as string }] : [],
  );
  expect(winners).toHaveLength(1);
  const [winner] = winners;
  results.forEach((r, i) => {
    if (r.status === 200) {
      expect(attempts[i]).toEqual(winner!.attempt);
      expect(r.body.receipt).toBe(winner!.receipt);
    }
    if (r.status === 409) {
      expect(r.body.code).toBe('voting.already_voted');
      // Requests without a key are each new; only a repeat of the winner's key must get its receipt.
      if (winner!.attempt.key) expect(attempts[i]).not.toEqual(winner!.attempt);
    }
  });
}

describe('the ballots table', () => {
  it('refuses, in the database, a ballot naming a counting owner of another meeting’s roll', async () => {
    const first = await openMeeting(h, world, '名册甲');
    const second = await openMeeting(h, world, '名册乙');
    const foreignOwner = second.rollOwnerOf.get(people.singles[0]!)!;
    const insert = (meetingId: string, rollOwnerId: string) =>
      withTenant(h.services.db, world.tenantA.id, (tx) =>
        tx.execute(sql`insert into voting_ballots (id, tenant_id, meeting_id, roll_owner_id, channel, status, choices, receipt, created_at)
          values (gen_random_uuid(), ${world.tenantA.id}, ${meetingId}, ${rollOwnerId}, 'paper', 'pending', '[]', ${`T${Math.random()}`}, now())`),
      );
    await expect(insert(first.id, foreignOwner)).rejects.toMatchObject({
      cause: { message: expect.stringMatching(/foreign key/) },
    });
    await expect(insert(second.id, foreignOwner)).resolves.toBeDefined();
  });
});

describe('concurrent ballots', () => {
  it('counts one ballot when 25 submissions for one owner arrive at once (fresh keys, a repeated key, no key)', async () => {
    const meeting = await openMeeting(h, world, '双击测试');
    const [owner] = people.singles;
    const [token] = await signIn(h, [owner!]);
    // Every fourth repeats one key (the first request among them), every fourth has none, the rest a key each.
    const keyOf = (i: number) => (i % 4 === 0 ? 'retry' : i % 4 === 2 ? null : `fresh-${i}`);
    const attempts: Attempt[] = Array.from({ length: 25 }, (_, i) => ({ token: token!, key: keyOf(i) }));
    const results = await Promise.all(attempts.map((a) => cast(meeting, meeting.rollOwnerOf.get(owner!)!, a)));

    expectOneWinner(attempts, results);
    const after = await counted(meeting, token!);
    expect(after.participants).toBe(1);
    expect(after.chain).toMatchObject({ ok: true, entries: 1 });
    expect(after.rows).toEqual([{ status: 'accepted', seq: 1 }]);
  });

  it('counts one ballot when both co-owners vote for their shared units at the same moment', async () => {
    const meeting = await openMeeting(h, world, '共有人测试');
    const [first, second] = people.coOwners!;
    const rollOwnerId = meeting.rollOwnerOf.get(first)!;
    expect(meeting.rollOwnerOf.get(second)).toBe(rollOwnerId);
    const tokens = await signIn(h, [first, second]);
    const attempts: Attempt[] = tokens.flatMap((token, who) =>
      Array.from({ length: 8 }, (_, i) => ({ token, key: i % 2 ? `k-${who}-${i}` : `same-${who}` })),
    );
    const results = await Promise.all(attempts.map((a) => cast(meeting, rollOwnerId, a)));

    expectOneWinner(attempts, results);
    const after = await counted(meeting, tokens[0]!);
    expect(after.participants).toBe(1);
    expect(after.chain).toMatchObject({ ok: true, entries: 1 });
    expect(after.rows).toHaveLength(1);
  });

  it(`takes ${EVERYONE} owners voting at the same moment, each once, chained in turn 1…${EVERYONE}`, async () => {
    const meeting = await openMeeting(h, world, '同时投票测试');
    const tokens = await signIn(h, people.singles);
    // Time moves on while the ballots are written (each reading of the clock a millisecond later), as on a server:
    // a group's ballots are accepted at different moments and the chain must commit to each one's own.
    const now = h.clock.now.bind(h.clock);
    h.clock.now = () => {
      h.clock.advance(1);
      return now();
    };
    const results = await Promise.all(
      people.singles.map((owner, i) =>
        cast(meeting, meeting.rollOwnerOf.get(owner)!, { token: tokens[i]!, key: `vote-${i}` }),
      ),
    ).finally(() => {
      h.clock.now = now;
    });

    expect(results.filter((r) => r.status !== 201).map((r) => ({ status: r.status, body: r.body }))).toEqual([]);
    // Online ballots are in the chain when their answer leaves: their group wrote them sealed.
    expect(results.map((r) => r.body.seq as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: EVERYONE }, (_, i) => i + 1),
    );
    expect(new Set(results.map((r) => r.body.acceptedAt)).size).toBeGreaterThan(1);
    expect(new Set(results.map((r) => r.body.receipt)).size).toBe(EVERYONE);
    const after = await counted(meeting, tokens[0]!);
    expect(after.participants).toBe(EVERYONE);
    expect(after.chain).toMatchObject({ ok: true, entries: EVERYONE, firstBrokenSeq: null });
    expect(after.rows.map((r) => r.seq)).toEqual(Array.from({ length: EVERYONE }, (_, i) => i + 1));
  });
});
