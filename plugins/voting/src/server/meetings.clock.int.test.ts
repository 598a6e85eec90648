import { useWorld, type TestApp, type World } from '@city/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { votingPlugin } from './index.ts';
import { installVoting, seedVotingNeighbourhood } from './testing.ts';

/**
 * 业主大会 and the clock: the notice period in Beijing calendar days, a vote that has ended awaiting its count, closing
 * once, and the seats an election may fill. Each test moves the app's clock (never the real one) to the moment it is
 * about.
 */

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const BEIJING = 8 * 60 * MINUTE;

let h: TestApp;
let world: World;
const current = useWorld({
  plugins: [votingPlugin],
  setUp: async (app, built) => {
    await seedVotingNeighbourhood(app, built.tenantA.id, { singles: 3 });
    expect((await installVoting(app, built)).status).toBe(200);
  },
});
beforeEach(() => {
  ({ h, world } = current);
});

const meetings = () => `/api/v1/t/${world.tenantA.slug}/p/voting/meetings`;
const committee = (method: string, path: string, json?: unknown, language = 'zh-CN') =>
  h.call(method, path, {
    token: world.tokens.committeeA,
    headers: { 'accept-language': language },
    ...(json !== undefined ? { json } : {}),
  });

/** Midnight (00:00 Beijing time) `days` days after the Beijing day the app's clock is on. */
function beijingMidnight(days: number) {
  const beijingDay = Math.floor((h.clock.now().getTime() + BEIJING) / DAY);
  return new Date((beijingDay + days) * DAY - BEIJING);
}

/** Moves the app's clock forward to the next moment that is `time` (HH:MM) in Beijing. */
function advanceToBeijing(time: string) {
  const [hours, minutes] = time.split(':').map(Number);
  const now = h.clock.now().getTime();
  let target = beijingMidnight(0).getTime() + (hours! * 60 + minutes!) * MINUTE;
  if (target <= now) target += DAY;
  h.clock.advance(target - now);
}

/** A draft meeting with one motion, voting from `opensAt` for three days. */
async function draft(opensAt: Date) {
  const created = await committee('POST', meetings(), {
    title: '公告期会议',
    opensAt: opensAt.toISOString(),
    closesAt: new Date(opensAt.getTime() + 3 * DAY).toISOString(),
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const path = `${meetings()}/${created.body.id}`;
  expect(
    (await committee('POST', `${path}/motions`, { matterType: 'property_manager', title: '续聘物业' })).status,
  ).toBe(201);
  return path;
}

/** A meeting announced now and opened as soon as the notice period allows (the clock moved there), for three days. */
async function openedMeeting() {
  const opensAt = beijingMidnight(16);
  const path = await draft(opensAt);
  expect((await committee('POST', `${path}/announce`)).status).toBe(200);
  h.clock.advance(opensAt.getTime() - h.clock.now().getTime());
  expect((await committee('POST', `${path}/open`)).status).toBe(200);
  return { path, id: path.split('/').at(-1)!, closesAt: opensAt.getTime() + 3 * DAY };
}

describe('the notice period (Civil Code arts. 200–204, Beijing calendar days)', () => {
  it('lets voting open at 00:00 Beijing time after the 15th day following the announcement’s day, not a minute before', async () => {
    // Announced at 23:59 on day D: day D is not counted, days D+1 … D+15 are the period, voting from D+16 00:00.
    advanceToBeijing('23:59');
    const earliest = beijingMidnight(16);
    const path = await draft(new Date(earliest.getTime() - MINUTE));
    expect((await committee('GET', path)).body.earliestOpening).toBe(earliest.toISOString());

    const early = await committee('POST', `${path}/announce`);
    expect(early).toMatchObject({
      status: 409,
      body: { code: 'voting.notice_period', title: '投票开始时间须在公告发布满规定天数之后' },
    });
    expect((await committee('POST', `${path}/announce`, undefined, 'en')).body.title).toBe(
      'Voting may open only after the notice period from the announcement',
    );

    const moved = await committee('PUT', path, {
      title: '公告期会议',
      opensAt: earliest.toISOString(),
      closesAt: new Date(earliest.getTime() + 3 * DAY).toISOString(),
    });
    expect(moved.status).toBe(200);
    const announced = await committee('POST', `${path}/announce`);
    expect(announced).toMatchObject({
      status: 200,
      body: { status: 'announced', phase: 'announced', earliestOpening: earliest.toISOString() },
    });

    // Once announced, the earliest opening stays where the announcement put it, however the clock moves.
    h.clock.advance(2 * MINUTE);
    expect((await committee('GET', path)).body.earliestOpening).toBe(earliest.toISOString());
    h.clock.advance(earliest.getTime() - h.clock.now().getTime() - MINUTE);
    expect((await committee('POST', `${path}/open`)).body.code).toBe('voting.too_early');
    h.clock.advance(MINUTE);
    expect((await committee('POST', `${path}/open`)).body).toMatchObject({ status: 'open', phase: 'open' });
  });

  it('counts an announcement at 00:00 Beijing time as that day, and moves a draft’s earliest opening at midnight', async () => {
    advanceToBeijing('00:00');
    const earliest = beijingMidnight(16);
    const tooEarly = await draft(new Date(earliest.getTime() - MINUTE));
    const onTime = await draft(earliest);
    expect((await committee('POST', `${tooEarly}/announce`)).body.code).toBe('voting.notice_period');
    expect((await committee('POST', `${onTime}/announce`)).body.earliestOpening).toBe(earliest.toISOString());

    // A draft's earliest opening is counted from now: the same all day, a day later from midnight.
    h.clock.advance(DAY - MINUTE);
    expect((await committee('GET', tooEarly)).body.earliestOpening).toBe(earliest.toISOString());
    h.clock.advance(MINUTE);
    expect((await committee('GET', tooEarly)).body.earliestOpening).toBe(
      new Date(earliest.getTime() + DAY).toISOString(),
    );
  });
});

describe('a vote whose period has ended', () => {
  it('reads “ended” while it awaits its count, its status still open, and “closed” once counted', async () => {
    const meeting = await openedMeeting();
    const { closesAt } = meeting;
    const phases = async () => ({
      meeting: (await committee('GET', meeting.path)).body,
      listed: (await committee('GET', meetings())).body.items.find((m: { id: string }) => m.id === meeting.id),
      supervised: (
        await h.call('GET', `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/p/voting/meetings`, {
          token: world.tokens.communityStaffA,
        })
      ).body.items.find((m: { id: string }) => m.id === meeting.id),
    });

    h.clock.advance(closesAt - h.clock.now().getTime() - 1);
    const before = await phases();
    expect([before.meeting, before.listed, before.supervised]).toEqual(
      Array(3).fill(expect.objectContaining({ status: 'open', phase: 'open' })),
    );

    h.clock.advance(1);
    const after = await phases();
    expect([after.meeting, after.listed, after.supervised]).toEqual(
      Array(3).fill(expect.objectContaining({ status: 'open', phase: 'ended' })),
    );

    const closed = await committee('POST', `${meeting.path}/close`);
    expect(closed.body).toMatchObject({ status: 'closed', phase: 'closed' });
  });

  it('is closed and counted once: a second close at the same moment is refused, one result notice is published', async () => {
    const meeting = await openedMeeting();
    const { closesAt } = meeting;
    h.clock.advance(closesAt - h.clock.now().getTime());
    const both = await Promise.all([
      committee('POST', `${meeting.path}/close`),
      committee('POST', `${meeting.path}/close`),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const [counted, refused] = both[0]!.status === 200 ? both : [both[1]!, both[0]!];
    expect(refused!.body).toMatchObject({ code: 'voting.not_open', title: '投票未在进行中' });

    const board = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/notices`);
    const results = board.body.items.filter((n: { category: string }) => n.category === 'result');
    expect(results.map((n: { id: string }) => n.id)).toEqual([counted!.body.resultNoticeId]);
    const audit = (await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit`, { token: world.tokens.adminA })).body
      .items as { action: string; targetId: string }[];
    expect(audit.filter((e) => e.action === 'voting.voting_closed' && e.targetId === meeting.id)).toHaveLength(1);
  });
});

describe('an election’s seats (业主委员会: 5–11 members, an odd number; a by-election 1–11)', () => {
  const election = (seats: number, byElection?: boolean) => ({
    kind: 'election',
    matterType: 'committee_election',
    title: byElection ? '补选业主委员会委员' : '选举业主委员会',
    seats,
    ...(byElection === undefined ? {} : { byElection }),
    candidates: [{ name: '甲' }, { name: '乙' }],
  });

  it('takes an odd number from 5 to 11, and 1 to 11 in a by-election; refuses others with a localised message', async () => {
    const path = await draft(beijingMidnight(20));
    const add = (body: unknown, language = 'zh-CN') => committee('POST', `${path}/motions`, body, language);

    for (const seats of [4, 6, 12, 3, 1, 13])
      expect((await add(election(seats))).body.errors, `${seats} seats`).toEqual([
        { path: 'seats', code: 'committee_seats', message: '业主委员会委员为5至11人的单数（补选除外）' },
      ]);
    expect((await add(election(4), 'en')).body.errors).toEqual([
      expect.objectContaining({
        path: 'seats',
        message: 'A committee has an odd number of members from 5 to 11 (unless it is a by-election)',
      }),
    ]);
    for (const seats of [0, 12])
      expect((await add(election(seats, true))).body.errors, `by-election of ${seats}`).toEqual([
        { path: 'seats', code: 'by_election_seats', message: '补选人数为1至11人' },
      ]);
    expect((await add({ matterType: 'rebuild', title: '改建', byElection: true })).body.errors).toEqual([
      expect.objectContaining({ path: 'byElection', code: 'not_an_election' }),
    ]);

    for (const seats of [5, 7, 11]) expect((await add(election(seats))).status, `${seats} seats`).toBe(201);
    const byElection = await add(election(3, true));
    expect(byElection.status).toBe(201);
    expect(byElection.body.motions.map((m: { seats: number; byElection: boolean }) => [m.seats, m.byElection])).toEqual(
      [
        [null, false],
        [5, false],
        [7, false],
        [11, false],
        [3, true],
      ],
    );
    // The meeting notice names a by-election as one.
    const announced = await committee('POST', `${path}/announce`);
    const board = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/notices`);
    const notice = board.body.items.find((n: { id: string }) => n.id === announced.body.noticeId);
    expect(notice.body).toContain('   选举 5 名，候选人：甲、乙');
    expect(notice.body).toContain('   补选 3 名，候选人：甲、乙');
  });
});
