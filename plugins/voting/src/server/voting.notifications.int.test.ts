import { signIn, type TestApp, useWorld, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';
import { votingPlugin } from './index.ts';
import { ballotFor, installVoting, openMeeting, seedVotingNeighbourhood } from './testing.ts';

const DAY = 86_400_000;

async function setUp(h: TestApp, world: World) {
  expect((await installVoting(h, world)).status).toBe(200);
  const { singles } = await seedVotingNeighbourhood(h, world.tenantA.id, { singles: 3 });
  return { owners: singles };
}

const current = useWorld({ plugins: [votingPlugin], setUp });

async function settle(h: TestApp) {
  await h.services.pluginRuntime.dispatcher.idle();
  await h.services.notifier.idle();
}

const kinds = async (h: TestApp, token: string | undefined) =>
  ((await h.call('GET', '/api/v1/me/notifications', { token })).body.items as { kind: string; title: string }[]).map(
    (i) => i.kind,
  );

describe('业主大会 notifications', () => {
  it('tell the owners of the announcement and the opening, and a day before it closes only those who have not voted', async () => {
    const { h, world, prepared } = current;
    const meeting = await openMeeting(h, world);
    await settle(h);
    const tokens = await signIn(h, prepared.owners);
    for (const token of tokens) {
      expect(await kinds(h, token)).toEqual(['voting.opened', 'voting.announced']);
    }
    // Members who own nothing here hear nothing.
    expect(await kinds(h, world.tokens.staffA)).toEqual([]);

    const todo = async (token: string | undefined) =>
      ((await h.call('GET', '/api/v1/me/todo', { token })).body.items as { kind: string; link: string }[]).filter(
        (i) => i.kind === 'voting.vote',
      );
    const [first] = await todo(tokens[0]);
    expect(first).toMatchObject({ link: `/n/${world.tenantA.slug}/p/voting/meetings/${meeting.id}`, action: '去投票' });

    const voter = prepared.owners[0]!;
    const cast = await h.call('POST', `${meeting.path}/ballots`, {
      token: tokens[0],
      json: ballotFor(meeting, meeting.rollOwnerOf.get(voter)!),
    });
    expect(cast.status).toBe(201);
    // Cast: off the voter's list, still on the others'.
    expect(await todo(tokens[0])).toEqual([]);
    expect(await todo(tokens[1])).toHaveLength(1);
    const { closesAt } = (await h.call('GET', meeting.path, { token: world.tokens.committeeA })).body;
    h.clock.advance(new Date(closesAt).getTime() - DAY - h.clock.now().getTime() + 60_000);
    await h.services.notifier.sweep();
    expect(await kinds(h, tokens[0])).toEqual(['voting.opened', 'voting.announced']);
    for (const token of tokens.slice(1)) {
      const items = (await h.call('GET', '/api/v1/me/notifications', { token })).body.items;
      expect(items[0]).toMatchObject({ kind: 'voting.reminder', title: expect.stringContaining('您未投票') });
    }
  });
});
