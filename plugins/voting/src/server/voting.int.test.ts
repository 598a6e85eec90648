import { createHash } from 'node:crypto';
import {
  randomPhone,
  useWorld,
  type CallResult,
  type TestApp,
  seedRegistry,
  type World,
  schema,
  withTenant,
} from '@city/testing';
import { REGISTRY_COLUMNS } from '@city/contracts';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyBoard, type Board } from '../board/index.ts';
import { votingManifest } from '../manifest.ts';
import { votingPlugin } from './index.ts';

/**
 * Every test starts from a fresh app and world (useWorld) with the same neighbourhood seeded and the plugin installed
 * in A and B (saved with the world, restored for each test), and brings its own meeting to the stage it needs through the real API (`meetingAt`): no test depends on
 * another or on their order.
 */

const DAY = 24 * 60 * 60 * 1000;
const M2 = 100; // 0.01 m² per m²
/** The current test's app and world, and the sessions of the owner accounts it added (v2…). */
let h: TestApp;
let world: World;
let tokens: Record<string, string>;
const A = () => `/api/v1/t/${world.tenantA.slug}`;
const B = () => `/api/v1/t/${world.tenantB.slug}`;
const call = (who: string, method: string, path: string, json?: unknown, headers: Record<string, string> = {}) =>
  h.call(method, path, {
    token: tokens[who] ?? world.tokens[who as keyof World['tokens']],
    headers: { 'accept-language': 'zh-CN', ...headers },
    ...(json !== undefined ? { json } : {}),
  });

/** A set-up request went through: its status, or (on failure) the body that says why not. */
function succeeded(result: CallResult, status: number) {
  expect(result.status, JSON.stringify(result.body)).toBe(status);
  return result;
}

/** An extra member of tenant A with a session: the owners who vote. */
async function addOwnerAccount(name: string) {
  const [user] = await h.services.db
    .insert(schema.users)
    .values({ phone: randomPhone(), displayName: name, passwordHash: 'x' })
    .returning();
  await withTenant(h.services.db, world.tenantA.id, (tx) =>
    tx
      .insert(schema.members)
      .values({ tenantId: world.tenantA.id, userId: user!.id, displayName: name, roles: ['resident'] }),
  );
  tokens[name] = (await h.services.sessions.create(user!.id, 'vitest')).token;
  return user!.id;
}

/**
 * Ten units of 100 m²: seven single owners (o1–o7), one buyer of two units (o8), one unit the developer has not
 * sold — nine counting owners, 1,000 m². residentA is verified as o1; v2–v5 and v8 as o2–o5 and o8.
 */
async function seedNeighbourhood() {
  const ids = { o1: world.users.residentA.id } as Record<string, string>;
  for (const key of ['o2', 'o3', 'o4', 'o5', 'o8']) ids[key] = await addOwnerAccount(`v${key.slice(1)}`);
  const owners = Object.fromEntries(
    ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'].map((k) => [k, `业主${k.slice(1)}`]),
  );
  const units = [
    ...['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7'].map((o, i) => ({ room: `10${i + 1}`, area: 100 * M2, owners: [o] })),
    { room: '108', area: 100 * M2, owners: ['o8'] },
    { room: '109', area: 100 * M2, owners: ['o8'] },
    { room: '110', area: 100 * M2, saleStatus: 'unsold' as const },
  ];
  return seedRegistry(h.services.db, world.tenantA.id, { owners, units, verified: ids });
}

const install = (who: 'adminA' | 'adminB', base: string) =>
  call(who, 'POST', `${base}/plugins/voting/install`, {
    grantedScopes: votingManifest.scopes,
    settings: { supportThreshold: 2 },
  });

/** Inside the world before it is saved (so once per worker on PGlite): the neighbourhood, the plugin in A and B. */
async function setUp(app: TestApp, built: World) {
  h = app;
  world = built;
  tokens = {};
  await seedNeighbourhood();
  expect((await install('adminA', A())).status).toBe(200);
  expect((await install('adminB', B())).status).toBe(200);
  return tokens;
}
const current = useWorld({ plugins: [votingPlugin], setUp });

// Runs after useWorld's beforeEach (hooks before a test run in the order they were registered).
beforeEach(() => {
  ({ h, world, prepared: tokens } = current);
});

describe('tables', () => {
  it('every voting table carries tenant_id with row-level security enabled and forced', async () => {
    const { rows } = await h.database.db.execute<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
      has_tenant: boolean;
    }>(sql`
      select relname, relrowsecurity, relforcerowsecurity,
        exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id') as has_tenant
      from pg_class c where relkind = 'r' and relname like 'voting\_%' order by relname`);
    expect(rows).toHaveLength(13);
    for (const row of rows)
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true, has_tenant: true });
  });
});

describe('议事 (topics)', () => {
  it('lets verified residents raise, reply and support; moderators hide in the open; a supported topic becomes a motion', async () => {
    const unverified = await call('staffA', 'POST', `${A()}/p/voting/topics`, {
      title: '加装电梯',
      body: '老楼加装电梯',
    });
    expect(unverified).toMatchObject({ status: 403, body: { code: 'voting.not_verified' } });
    const topic = await call('residentA', 'POST', `${A()}/p/voting/topics`, {
      title: '更换物业公司',
      body: '现物业服务差，建议重新选聘。',
    });
    expect(topic).toMatchObject({
      status: 201,
      body: { authorName: world.users.residentA.displayName, supportCount: 0, eligible: false },
    });
    const path = `${A()}/p/voting/topics/${topic.body.id}`;
    expect((await call('v2', 'POST', `${path}/support`)).body).toMatchObject({ supportCount: 1, supportedByMe: true });
    expect((await call('v2', 'POST', `${path}/support`)).body.code).toBe('voting.already_supported');
    expect((await call('v3', 'POST', `${path}/support`)).body).toMatchObject({ supportCount: 2, eligible: true });

    const reply = await call('v4', 'POST', `${path}/replies`, { body: '同意，物业费也该公开。' });
    expect(reply.status).toBe(201);
    expect((await call('v5', 'POST', `${path}/reports`, { reason: '人身攻击', replyId: reply.body.id })).status).toBe(
      201,
    );
    expect((await call('committeeA', 'GET', `${A()}/p/voting/reports`)).body.items).toEqual([
      expect.objectContaining({ reason: '人身攻击', replyId: reply.body.id }),
    ]);
    expect(
      (await call('residentA', 'POST', `${path}/replies/${reply.body.id}/hide`, { reason: '含人身攻击' })).status,
    ).toBe(403);
    const hidden = await call('committeeA', 'POST', `${path}/replies/${reply.body.id}/hide`, { reason: '含人身攻击' });
    expect(hidden.body).toMatchObject({
      body: '',
      hiddenReason: '含人身攻击',
      hiddenByName: world.users.committeeA.displayName,
    });
    expect((await call('v2', 'GET', path)).body).toMatchObject({
      replyCount: 1,
      replies: [{ body: '', hiddenReason: '含人身攻击' }],
    });

    const meeting = await call('committeeA', 'POST', `${A()}/p/voting/meetings`, {
      title: '议题会议',
      opensAt: new Date(h.clock.now().getTime() + 20 * DAY).toISOString(),
      closesAt: new Date(h.clock.now().getTime() + 30 * DAY).toISOString(),
    });
    const motion = await call('committeeA', 'POST', `${path}/motion`, {
      meetingId: meeting.body.id,
      matterType: 'property_manager',
    });
    expect(motion).toMatchObject({
      status: 201,
      body: { title: '更换物业公司', topicId: topic.body.id, threshold: 'ordinary', matterItem: 4 },
    });
    expect((await call('v2', 'GET', path)).body.motion).toEqual({
      id: motion.body.id,
      meetingId: meeting.body.id,
      title: '更换物业公司',
    });
    expect(
      (
        await call('committeeA', 'POST', `${path}/motion`, {
          meetingId: meeting.body.id,
          matterType: 'property_manager',
        })
      ).body.code,
    ).toBe('voting.already_motion');
  });

  it('refuses a topic that has not reached the threshold, and bad input, with localised problems', async () => {
    const topic = await call('residentA', 'POST', `${A()}/p/voting/topics`, {
      title: '增设充电桩',
      body: '地库增设充电桩',
    });
    const meeting = await call('committeeA', 'POST', `${A()}/p/voting/meetings`, {
      title: '草稿',
      opensAt: new Date(h.clock.now().getTime() + 20 * DAY).toISOString(),
      closesAt: new Date(h.clock.now().getTime() + 30 * DAY).toISOString(),
    });
    const early = await call('committeeA', 'POST', `${A()}/p/voting/topics/${topic.body.id}/motion`, {
      meetingId: meeting.body.id,
      matterType: 'common_parts_use',
    });
    expect(early).toMatchObject({
      status: 409,
      body: { code: 'voting.not_enough_support', title: '附议人数未达到转为议案的门槛' },
    });
    const empty = await h.call('POST', `${A()}/p/voting/topics`, {
      token: tokens.v2,
      headers: { 'accept-language': 'en' },
      json: { title: ' ', body: 'x' },
    });
    expect(empty).toMatchObject({
      status: 400,
      body: { errors: [{ path: 'title', message: 'This field is required' }] },
    });
  });
});

/*
 * 业主大会: one meeting taken from draft to published result. Each step below brings a meeting one stage further
 * through the real API, checking only that its own requests went through; each test runs the steps up to the stage
 * it is about (`meetingAt`) and then makes that stage's requests and assertions itself.
 */

interface Meeting {
  id: string;
  /** The meeting's member API. */
  path: string;
  motions: { ordinary: string; special: string; election: string };
  /** Candidate name → id on the election. */
  candidates: Record<string, string>;
}

const MEETING_TITLE = '2026年第一次业主大会';
/** As drafted: voting opens in 10 days, too soon for the 15-day notice period. */
const drafted = (now: number) => ({
  title: MEETING_TITLE,
  opensAt: new Date(now + 10 * DAY).toISOString(),
  closesAt: new Date(now + 30 * DAY).toISOString(),
  disclosure: 'named',
});
/** As moved before announcing: voting from day 16 to day 20. */
const rescheduled = (now: number) => ({
  title: MEETING_TITLE,
  opensAt: new Date(now + 16 * DAY).toISOString(),
  closesAt: new Date(now + 20 * DAY).toISOString(),
  disclosure: 'named',
});
/** An ordinary motion, a special one and a by-election (补选) of two seats among three candidates, in that order. */
const MOTIONS = [
  { matterType: 'property_manager', title: '续聘物业服务企业' },
  { matterType: 'raise_maintenance_fund', title: '续筹维修资金' },
  {
    kind: 'election',
    matterType: 'committee_election',
    title: '补选业主委员会委员',
    seats: 2,
    byElection: true,
    candidates: [{ name: '张三' }, { name: '李四' }, { name: '王五' }],
  },
];
type Choice = 'agree' | 'oppose' | 'abstain';
/**
 * The online ballots, in the order they are cast (seq 1–6): residentA (o1), v2, v3, v4, v5 and v8 (o8, two units).
 * With the developer's paper ballot (seq 7, opposing): 7 of 9 take part, 800 m²; o1, o2, o3 and o8 agree, 500 m².
 */
const ONLINE_BALLOTS: [who: string, ordinary: Choice, special: Choice, chosen: string[]][] = [
  ['residentA', 'agree', 'agree', ['张三', '李四']],
  ['v2', 'agree', 'agree', ['张三', '李四']],
  ['v3', 'agree', 'agree', ['张三']],
  ['v4', 'oppose', 'oppose', ['李四', '王五']],
  ['v5', 'abstain', 'abstain', []],
  ['v8', 'agree', 'agree', ['张三', '王五']],
];

/** The ids a drafted meeting's later steps need, from the meeting and its motions as the API returned them. */
function meetingFrom(id: string, motions: { id: string; candidates: { name: string; id: string }[] }[]): Meeting {
  const [ordinary, special, election] = motions;
  return {
    id,
    path: `${A()}/p/voting/meetings/${id}`,
    motions: { ordinary: ordinary!.id, special: special!.id, election: election!.id },
    candidates: Object.fromEntries(election!.candidates.map((c) => [c.name, c.id])),
  };
}

const ballot = (m: Meeting, rollOwnerId: string, agree: Choice, special: Choice, chosen: string[]) => ({
  rollOwnerId,
  choices: [
    { motionId: m.motions.ordinary, choice: agree },
    { motionId: m.motions.special, choice: special },
    { motionId: m.motions.election, candidateIds: chosen.map((n) => m.candidates[n]) },
  ],
});
const mine = async (m: Meeting, who: string) => (await call(who, 'GET', `${m.path}/mine`)).body;
/** The developer's paper ballot for the unsold unit: opposing both motions, an invalid election choice. */
const paperBallot = (m: Meeting, rollOwnerId: string) => ({
  rollOwnerId,
  channel: 'paper',
  paperRef: 'No.0007',
  receivedAt: h.clock.now().toISOString(),
  choices: [
    { motionId: m.motions.ordinary, choice: 'oppose' },
    { motionId: m.motions.special, choice: 'oppose' },
    { motionId: m.motions.election, choice: 'invalid' },
  ],
});

/** Drafted by the committee, with the three motions. */
async function draftMeeting(): Promise<Meeting> {
  const created = succeeded(
    await call('committeeA', 'POST', `${A()}/p/voting/meetings`, drafted(h.clock.now().getTime())),
    201,
  );
  let last: CallResult | undefined;
  for (const motion of MOTIONS)
    last = succeeded(
      await call('committeeA', 'POST', `${A()}/p/voting/meetings/${created.body.id}/motions`, motion),
      201,
    );
  return meetingFrom(created.body.id, last!.body.motions);
}

/** Moved to leave the full notice period, and announced. */
async function announce(m: Meeting) {
  succeeded(await call('committeeA', 'PUT', m.path, rescheduled(h.clock.now().getTime())), 200);
  succeeded(await call('committeeA', 'POST', `${m.path}/announce`), 200);
}

/** 17 days later, opened: the roll frozen. */
async function openVoting(m: Meeting) {
  h.clock.advance(17 * DAY);
  succeeded(await call('committeeA', 'POST', `${m.path}/open`), 200);
}

/** The six online ballots, in order. */
async function castOnlineBallots(m: Meeting) {
  for (const [who, a, s, chosen] of ONLINE_BALLOTS) {
    const id = (await mine(m, who)).items[0].rollOwnerId;
    succeeded(await call(who, 'POST', `${m.path}/ballots`, ballot(m, id, a, s, chosen)), 201);
  }
}

/** The developer's paper ballot, entered by staff and confirmed by the committee. */
async function enterAndConfirmPaper(m: Meeting) {
  const roll = succeeded(await call('staffA', 'GET', `${m.path}/roll`), 200).body.items as {
    id: string;
    kind: string;
  }[];
  const developer = roll.find((r) => r.kind === 'developer')!;
  succeeded(await call('staffA', 'POST', `${m.path}/staff-ballots`, paperBallot(m, developer.id)), 201);
  const list = succeeded(await call('committeeA', 'GET', `${m.path}/staff-ballots`), 200).body.items;
  succeeded(await call('committeeA', 'POST', `${m.path}/staff-ballots/${list[0].id}/confirm`), 200);
}

/** Four days later (past the close of voting), closed and counted. */
async function closeCount(m: Meeting) {
  h.clock.advance(4 * DAY);
  succeeded(await call('committeeA', 'POST', `${m.path}/close`), 200);
}

const STAGES = ['drafted', 'announced', 'open', 'voted', 'paper counted', 'closed'] as const;
/** STEPS[i] takes a meeting from STAGES[i] to STAGES[i + 1]. */
const STEPS = [announce, openVoting, castOnlineBallots, enterAndConfirmPaper, closeCount];

/** A fresh meeting brought to `stage`. */
async function meetingAt(stage: (typeof STAGES)[number]): Promise<Meeting> {
  const m = await draftMeeting();
  for (const step of STEPS.slice(0, STAGES.indexOf(stage))) await step(m);
  return m;
}

describe('业主大会 (a meeting from draft to published result)', () => {
  it('is drafted by the committee with motions whose thresholds follow the matter type', async () => {
    const created = await call('committeeA', 'POST', `${A()}/p/voting/meetings`, drafted(h.clock.now().getTime()));
    expect(created).toMatchObject({ status: 201, body: { status: 'draft', allowChange: false, revealLive: false } });
    const M = `${A()}/p/voting/meetings/${created.body.id}`;
    const [ordinaryMotion, specialMotion, electionMotion] = MOTIONS;
    await call('committeeA', 'POST', `${M}/motions`, ordinaryMotion);
    await call('committeeA', 'POST', `${M}/motions`, specialMotion);
    const withElection = await call('committeeA', 'POST', `${M}/motions`, electionMotion);
    expect(withElection.status).toBe(201);
    const [ordinary, special, election] = withElection.body.motions;
    expect([ordinary.threshold, special.threshold, election.threshold]).toEqual(['ordinary', 'special', 'ordinary']);

    const wrong = await call('committeeA', 'POST', `${M}/motions`, {
      kind: 'election',
      matterType: 'rebuild',
      title: '选举',
      seats: 1,
      byElection: true,
      candidates: [{ name: '甲' }],
    });
    expect(wrong.body.errors).toEqual([
      expect.objectContaining({ path: 'matterType', message: '选举属于第三项事项（选举或更换业主委员会成员）' }),
    ]);
    expect((await call('residentA', 'GET', M)).status).toBe(404);
    expect((await call('staffA', 'POST', `${M}/motions`, { matterType: 'rebuild', title: '改建' })).status).toBe(403);
    const notHere = await call('committeeA', 'DELETE', `${M}/motions/00000000-0000-4000-8000-000000000000`);
    expect(notHere).toMatchObject({ status: 404, body: { code: 'voting.motion_missing' } });
  });

  it('is announced on the 公示 board only with the full notice period before voting opens', async () => {
    const m = await meetingAt('drafted');
    const short = await call('committeeA', 'POST', `${m.path}/announce`);
    expect(short).toMatchObject({ status: 409, body: { code: 'voting.notice_period' } });
    const moved = await call('committeeA', 'PUT', m.path, rescheduled(h.clock.now().getTime()));
    expect(moved.status).toBe(200);
    const announced = await call('committeeA', 'POST', `${m.path}/announce`);
    expect(announced).toMatchObject({ status: 200, body: { status: 'announced' } });
    const board = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/notices`);
    const notice = board.body.items.find((n: { id: string }) => n.id === announced.body.noticeId);
    expect(notice).toMatchObject({ category: 'disclosure', title: '关于召开业主大会的公告：2026年第一次业主大会' });
    expect(notice.body).toContain('须经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意');
    expect(
      (await call('committeeA', 'POST', `${m.path}/motions`, { matterType: 'rebuild', title: '改建' })).body.code,
    ).toBe('voting.not_draft');
    expect((await call('committeeA', 'POST', `${m.path}/open`)).body.code).toBe('voting.too_early');
  });

  it('freezes the roll at opening: nine counting owners, 1,000 m², unaffected by later registry changes', async () => {
    const m = await meetingAt('announced');
    h.clock.advance(17 * DAY);
    const opened = await call('committeeA', 'POST', `${m.path}/open`);
    expect(opened).toMatchObject({
      status: 200,
      body: {
        status: 'open',
        turnout: { total: { area: 1000 * M2, count: 9 }, participants: { area: 0, count: 0 }, quorumMet: false },
      },
    });
    expect(opened.body.rollHash).toMatch(/^[0-9a-f]{64}$/);
    // The chain starts from the roll commitment extended by the meeting's terms.
    expect(opened.body.chainHead).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.body.chainHead).not.toBe(opened.body.rollHash);
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { late: '新业主' },
      units: [{ building: '2栋', room: '201', area: 90 * M2, owners: ['late'] }],
    });
    expect((await call('residentA', 'GET', m.path)).body.turnout.total).toEqual({ area: 1000 * M2, count: 9 });
  });

  it('takes one online ballot per counting owner, with a receipt; repeats never count twice', async () => {
    const m = await meetingAt('open');
    const me = await mine(m, 'residentA');
    expect(me).toMatchObject({ canVote: true, items: [{ label: '1栋 101', area: 100 * M2, ballot: null }] });
    const first = await call(
      'residentA',
      'POST',
      `${m.path}/ballots`,
      ballot(m, me.items[0].rollOwnerId, 'agree', 'agree', ['张三', '李四']),
      { 'idempotency-key': 'k-1' },
    );
    expect(first).toMatchObject({ status: 201, body: { status: 'accepted', seq: 1 } });
    expect(first.body.receipt).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const again = await call(
      'residentA',
      'POST',
      `${m.path}/ballots`,
      ballot(m, me.items[0].rollOwnerId, 'oppose', 'oppose', []),
      { 'idempotency-key': 'k-1' },
    );
    expect(again).toMatchObject({ status: 200, body: { receipt: first.body.receipt } });
    const second = await call(
      'residentA',
      'POST',
      `${m.path}/ballots`,
      ballot(m, me.items[0].rollOwnerId, 'oppose', 'oppose', []),
    );
    expect(second).toMatchObject({ status: 409, body: { code: 'voting.already_voted' } });
    expect(
      await call('v2', 'POST', `${m.path}/ballots`, ballot(m, me.items[0].rollOwnerId, 'agree', 'agree', [])),
    ).toMatchObject({ status: 403, body: { code: 'voting.not_a_voter' } });

    const two = (await mine(m, 'v8')).items;
    expect(two).toEqual([expect.objectContaining({ label: '1栋 108 +1', area: 200 * M2 })]);
    const incomplete = await call('v8', 'POST', `${m.path}/ballots`, {
      rollOwnerId: two[0].rollOwnerId,
      choices: [{ motionId: m.motions.ordinary, choice: 'agree' }],
    });
    expect(incomplete).toMatchObject({ status: 400, body: { code: 'voting.choices_incomplete' } });
    const tooMany = await call(
      'v8',
      'POST',
      `${m.path}/ballots`,
      ballot(m, two[0].rollOwnerId, 'agree', 'agree', ['张三', '李四', '王五']),
    );
    expect(tooMany.body.code).toBe('voting.too_many_candidates');
    const invalidOnline = await call('v8', 'POST', `${m.path}/ballots`, {
      ...ballot(m, two[0].rollOwnerId, 'agree', 'agree', []),
      choices: [
        { motionId: m.motions.ordinary, choice: 'invalid' },
        { motionId: m.motions.special, choice: 'agree' },
        { motionId: m.motions.election, candidateIds: [] },
      ],
    });
    expect(invalidOnline.body.code).toBe('voting.choice_invalid');

    // residentA's ballot, the first of ONLINE_BALLOTS, was cast above.
    for (const [who, a, s, chosen] of ONLINE_BALLOTS.slice(1)) {
      const id = (await mine(m, who)).items[0].rollOwnerId;
      expect((await call(who, 'POST', `${m.path}/ballots`, ballot(m, id, a, s, chosen))).status).toBe(201);
    }
  });

  it('counts paper ballots only after a second person confirms them', async () => {
    const m = await meetingAt('voted');
    const roll = (await call('staffA', 'GET', `${m.path}/roll`)).body.items as {
      id: string;
      kind: string;
      voted: boolean;
    }[];
    expect(roll).toHaveLength(9);
    expect(roll.filter((r) => r.voted)).toHaveLength(6);
    const developer = roll.find((r) => r.kind === 'developer')!;
    const paper = paperBallot(m, developer.id);
    expect((await call('staffA', 'POST', `${m.path}/staff-ballots`, { ...paper, paperRef: '' })).body.errors).toEqual([
      expect.objectContaining({ path: 'paperRef' }),
    ]);
    const entered = await call('staffA', 'POST', `${m.path}/staff-ballots`, paper);
    expect(entered).toMatchObject({ status: 201, body: { status: 'pending', seq: null } });
    expect((await call('residentA', 'GET', m.path)).body.turnout).toMatchObject({
      participants: { count: 6 },
      pendingPaper: 1,
    });
    const list = (await call('committeeA', 'GET', `${m.path}/staff-ballots`)).body.items;
    expect(list).toEqual([expect.objectContaining({ label: '1栋 110', paperRef: 'No.0007', enteredByMe: false })]);
    expect((await call('staffA', 'POST', `${m.path}/staff-ballots/${list[0].id}/confirm`)).body.code).toBe(
      'voting.same_person',
    );
    expect((await call('staffA', 'POST', `${m.path}/staff-ballots`, paper)).body.code).toBe('voting.ballot_pending');
    const confirmed = await call('committeeA', 'POST', `${m.path}/staff-ballots/${list[0].id}/confirm`);
    expect(confirmed).toMatchObject({
      status: 200,
      body: { status: 'accepted', seq: 7, receipt: entered.body.receipt },
    });
  });

  it('shows live turnout but hides choices until the count', async () => {
    const m = await meetingAt('paper counted');
    const live = (await call('residentA', 'GET', m.path)).body;
    expect(live.turnout).toEqual({
      total: { area: 1000 * M2, count: 9 },
      participants: { area: 800 * M2, count: 7 },
      quorumMet: true,
      pendingPaper: 0,
    });
    expect(live.motions.map((motion: { result: unknown }) => motion.result)).toEqual([null, null, null]);
    expect((await call('residentA', 'GET', `${m.path}/results?format=csv`)).body.code).toBe('voting.not_closed');
  });

  it('closes only after the voting period, counts by the Civil Code and publishes the result notice', async () => {
    const m = await meetingAt('paper counted');
    expect((await call('committeeA', 'POST', `${m.path}/close`)).body.code).toBe('voting.too_early_to_close');
    // Sessions expire after 30 days without use: the whole story stays within that.
    h.clock.advance(4 * DAY);
    expect(
      (
        await call(
          'v3',
          'POST',
          `${m.path}/ballots`,
          ballot(m, (await mine(m, 'v3')).items[0].rollOwnerId, 'agree', 'agree', []),
        )
      ).body.code,
    ).toBe('voting.voting_ended');
    const closed = await call('committeeA', 'POST', `${m.path}/close`);
    expect(closed.status).toBe(200);
    const [ordinary, special, election] = closed.body.motions.map((motion: { result: unknown }) => motion.result);
    // 7 of 9 took part (800 of 1,000 m²); o1, o2, o3 and o8 agreed: 4 heads, 500 m².
    expect(ordinary).toMatchObject({
      participants: { area: 800 * M2, count: 7 },
      agree: { area: 500 * M2, count: 4 },
      oppose: { area: 200 * M2, count: 2 },
      abstain: { count: 1 },
      quorumMet: true,
      outcome: 'passed',
    });
    expect(special).toMatchObject({ agree: { area: 500 * M2, count: 4 }, outcome: 'rejected' });
    expect(election).toMatchObject({
      elected: [m.candidates['张三']],
      emptySeats: 1,
      tie: null,
      participants: { count: 7 },
    });

    const board = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/notices`);
    const result = board.body.items.find((n: { id: string }) => n.id === closed.body.resultNoticeId);
    expect(result.category).toBe('result');
    expect(result.body).toContain(closed.body.chainHead);
    expect(result.body).toContain(closed.body.rollHash);
    expect(result.body).toContain('结果：通过');
    expect(result.attachments[0].url).toContain(
      `/p/${world.tenantA.slug}/apps/voting/files/meetings/${m.id}/result.pdf`,
    );
    const actions = (await call('adminA', 'GET', `${A()}/audit`)).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'voting.meeting_announced',
        'voting.voting_opened',
        'voting.ballot_confirmed',
        'voting.voting_closed',
      ]),
    );
  });

  it('tells the core whom the by-election elected, for the admin to seat them (the core never reads these tables)', async () => {
    const m = await meetingAt('paper counted');
    h.clock.advance(4 * DAY);
    const closed = succeeded(await call('committeeA', 'POST', `${m.path}/close`), 200);
    await h.services.pluginRuntime.dispatcher.idle();
    const [election] = (await call('adminA', 'GET', `${A()}/governance/elections`)).body.items;
    expect(election).toMatchObject({
      source: 'voting',
      meetingTitle: MEETING_TITLE,
      motionTitle: '补选业主委员会委员',
      byElection: true,
      seats: 2,
      unfilled: 1,
      status: 'pending',
      noticeId: closed.body.resultNoticeId,
    });
    expect(election.elected).toEqual([{ candidateId: m.candidates['张三'], name: '张三' }]);
    expect((await call('adminB', 'GET', `${B()}/governance/elections`)).body.items).toEqual([]);
  });

  it('lets anyone check a receipt and recompute the chain; tampering with a stored ballot is detected', async () => {
    const m = await meetingAt('closed');
    const receipt = (await mine(m, 'v4')).items[0].ballot.receipt as string;
    const publicBase = `/api/v1/public/n/${world.tenantA.slug}/p/voting`;
    const checked = await h.call('GET', `${publicBase}/receipts/${receipt.toLowerCase().replace(/-/g, '')}`);
    expect(checked).toMatchObject({
      status: 200,
      body: {
        receipt,
        status: 'accepted',
        channel: 'online',
        seq: 4,
        replacedBy: null,
        meeting: { title: '2026年第一次业主大会' },
      },
    });
    // Whoever holds the code learns that the ballot counted, never how it voted.
    expect(checked.body.choices).toBeNull();
    expect(JSON.stringify(checked.body)).not.toContain('oppose');
    // The voter, signed in, sees their own choices; another member does not.
    const own = await call('v4', 'GET', `${A()}/p/voting/receipts/${receipt}`);
    expect(own.body.choices).toEqual([
      { motionTitle: '续聘物业服务企业', choice: 'oppose', candidates: [] },
      { motionTitle: '续筹维修资金', choice: 'oppose', candidates: [] },
      { motionTitle: '补选业主委员会委员', choice: null, candidates: ['李四', '王五'] },
    ]);
    expect((await call('v2', 'GET', `${A()}/p/voting/receipts/${receipt}`)).body.choices).toBeNull();
    expect((await h.call('GET', `${publicBase}/receipts/0000-0000-0000`)).body.code).toBe('voting.receipt_missing');
    const chainCheck = await h.call('GET', `${publicBase}/meetings/${m.id}/chain`);
    expect(chainCheck.body.difference).toBeNull();
    expect(chainCheck.body).toEqual({
      ok: true,
      entries: 7,
      head: expect.any(String),
      firstBrokenSeq: null,
      difference: null,
    });

    // Someone with database access changes v4's opposition into agreement: the board anyone downloads shows it.
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.execute(
        sql`update voting_ballots set choices = jsonb_set(choices, '{0,choice}', '"agree"') where receipt = ${receipt}`,
      ),
    );
    const board = await h.call('GET', `${publicBase}/meetings/${m.id}/board.json`);
    expect(verifyBoard(board.body as Board)).toMatchObject({
      ok: false,
      difference: { code: 'chain_hash', seq: checked.body.seq },
    });
  });

  it('exports the ballots at the meeting’s disclosure level and prints the notice', async () => {
    const m = await meetingAt('closed');
    const csv = await call('residentA', 'GET', `${m.path}/results?format=csv`);
    expect(csv.status).toBe(200);
    const text = typeof csv.body === 'string' ? csv.body : new TextDecoder().decode(csv.body as ArrayBuffer);
    expect(text).toContain('业主');
    expect(text).toContain('建设单位（未售、未交付部分）');
    // The developer's paper ballot (No.0007) is listed by its channel.
    expect(text).toContain('纸质');
    const pdf = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/p/voting/meetings/${m.id}/result.pdf`);
    expect(pdf.status).toBe(200);
  });

  it('shows 社区 and 街道 staff their neighbourhoods’ meetings read-only, and no other branch', async () => {
    const m = await meetingAt('closed');
    const base = `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/p/voting/meetings`;
    expect((await call('communityStaffA', 'GET', base)).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: m.id, status: 'closed' })]),
    );
    expect((await call('streetStaffA', 'GET', `${base}/${m.id}`)).body.motions[0].result.outcome).toBe('passed');
    expect((await call('otherBranchStaff', 'GET', base)).status).toBe(404);
    expect((await call('residentA', 'GET', base)).status).toBe(403);
  });

  it('never shows one neighbourhood’s meetings to another', async () => {
    const m = await meetingAt('closed');
    expect((await call('adminB', 'GET', `${B()}/p/voting/meetings/${m.id}`)).body.code).toBe('voting.meeting_missing');
    expect((await call('adminB', 'GET', `${A()}/p/voting/meetings/${m.id}`)).status).toBe(404);
    expect((await call('adminB', 'GET', `${B()}/p/voting/meetings`)).body.items).toEqual([]);
    const receipt = (await mine(m, 'v4')).items[0].ballot.receipt;
    expect((await h.call('GET', `/api/v1/public/n/${world.tenantB.slug}/p/voting/receipts/${receipt}`)).status).toBe(
      404,
    );
  });
});

describe('a meeting that allows changes and shows choices live', () => {
  it('lets the designated voter of a co-owned unit change their ballot; the other co-owner cannot vote; hidden disclosure exports totals only', async () => {
    const v9 = await addOwnerAccount('v9');
    const v10 = await addOwnerAccount('v10');
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { o9: '业主9', o10: '业主10' },
      units: [{ building: '2栋', room: '202', area: 120 * M2, owners: ['o9', 'o10'], designated: 'o10' }],
      verified: { o9: v9, o10: v10 },
    });
    const now = h.clock.now().getTime();
    const created = await call('committeeA', 'POST', `${A()}/p/voting/meetings`, {
      title: '改票会议',
      opensAt: new Date(now + 16 * DAY).toISOString(),
      closesAt: new Date(now + 19 * DAY).toISOString(),
      allowChange: true,
      revealLive: true,
      disclosure: 'hidden',
    });
    const M = `${A()}/p/voting/meetings/${created.body.id}`;
    const withMotion = await call('committeeA', 'POST', `${M}/motions`, {
      matterType: 'management_statute',
      title: '修订管理规约',
    });
    const motionId = withMotion.body.motions[0].id;
    expect((await call('committeeA', 'POST', `${M}/announce`)).status).toBe(200);
    h.clock.advance(16 * DAY);
    // The nine counting owners of the neighbourhood every test starts with, and this test's co-owned 2栋 202: one
    // counting owner for its two co-owners.
    expect((await call('committeeA', 'POST', `${M}/open`)).body.turnout.total.count).toBe(10);

    expect((await call('v9', 'GET', `${M}/mine`)).body).toEqual({ items: [], canVote: false, reason: 'not_on_roll' });
    const mine = (await call('v10', 'GET', `${M}/mine`)).body;
    expect(mine.items).toEqual([expect.objectContaining({ label: '2栋 202', area: 120 * M2 })]);
    const vote = (choice: string) =>
      call('v10', 'POST', `${M}/ballots`, { rollOwnerId: mine.items[0].rollOwnerId, choices: [{ motionId, choice }] });
    const first = await vote('agree');
    const changed = await vote('oppose');
    expect(changed).toMatchObject({ status: 201, body: { seq: 2, status: 'accepted' } });
    const live = (await call('residentA', 'GET', M)).body;
    expect(live.turnout.participants).toEqual({ area: 120 * M2, count: 1 });
    expect(live.motions[0].result).toMatchObject({ agree: { count: 0 }, oppose: { count: 1, area: 120 * M2 } });
    const publicBase = `/api/v1/public/n/${world.tenantA.slug}/p/voting`;
    expect((await h.call('GET', `${publicBase}/receipts/${first.body.receipt}`)).body.status).toBe('superseded');
    expect((await h.call('GET', `${publicBase}/meetings/${created.body.id}/chain`)).body).toMatchObject({
      ok: true,
      entries: 2,
    });
    // The change is on the record: the second entry names the ballot it replaces.
    const board = (await h.call('GET', `${publicBase}/meetings/${created.body.id}/board.json`)).body as Board;
    expect(board.chain.entries.map((e) => [e.kind, e.supersedes])).toEqual([
      ['accepted', null],
      ['accepted', board.chain.entries[0]!.receipt],
    ]);
    expect((await h.call('GET', `${publicBase}/receipts/${first.body.receipt}`)).body.replacedBy).toEqual({
      seq: 2,
      acceptedAt: expect.any(String),
    });

    h.clock.advance(3 * DAY);
    expect((await call('committeeA', 'POST', `${M}/close`)).body.motions[0].result.outcome).toBe('not_decided');
    const csv = await call('residentA', 'GET', `${M}/results?format=csv`);
    const text = typeof csv.body === 'string' ? csv.body : new TextDecoder().decode(csv.body as ArrayBuffer);
    expect(text).toContain('修订管理规约');
    expect(text).not.toContain('2栋 202');
  });
});

describe('the count desk: paper and proxy sheets', () => {
  const developerOf = async (m: Meeting) =>
    ((await call('staffA', 'GET', `${m.path}/roll`)).body.items as { id: string; kind: string; label: string }[]).find(
      (r) => r.kind === 'developer',
    )!;
  const rollOwner = async (m: Meeting, room: string) =>
    ((await call('staffA', 'GET', `${m.path}/roll?q=${encodeURIComponent(room)}`)).body.items as { id: string }[])[0]!
      .id;
  /** A 1×1 PNG (uploads are decoded and kept re-encoded: paper.uploads.int.test.ts). */
  const PNG = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  const upload = (m: Meeting, bytes: Uint8Array, type = 'image/png') =>
    h.call('POST', `${m.path}/proxy-documents`, {
      token: world.tokens.staffA,
      body: bytes,
      headers: { 'content-type': type },
    });

  it('refuses a sheet received after the deadline; a sheet received in time may be entered and confirmed after it, until the count', async () => {
    const m = await meetingAt('voted');
    const developer = await developerOf(m);
    // The voting period ends four days after the ballots were cast (rescheduled: day 16 to day 20).
    const closesAt = Date.parse((await call('residentA', 'GET', m.path)).body.closesAt);
    h.clock.advance(4 * DAY);
    const late = await call('staffA', 'POST', `${m.path}/staff-ballots`, {
      ...paperBallot(m, developer.id),
      receivedAt: new Date(closesAt + 60_000).toISOString(),
    });
    expect(late).toMatchObject({
      status: 409,
      body: { code: 'voting.received_late', title: '该表决票在投票截止后才收到，不能计入' },
    });
    const future = await call('staffA', 'POST', `${m.path}/staff-ballots`, {
      ...paperBallot(m, developer.id),
      receivedAt: new Date(h.clock.now().getTime() + DAY).toISOString(),
    });
    expect(future.body.code).toBe('voting.received_future');
    const inTime = await call('staffA', 'POST', `${m.path}/staff-ballots`, {
      ...paperBallot(m, developer.id),
      receivedAt: new Date(closesAt - 60_000).toISOString(),
    });
    expect(inTime.status).toBe(201);
    const [entry] = (await call('committeeA', 'GET', `${m.path}/staff-ballots`)).body.items;
    expect(entry.receivedAt).toBe(new Date(closesAt - 60_000).toISOString());
    expect((await call('committeeA', 'POST', `${m.path}/staff-ballots/${entry.id}/confirm`)).status).toBe(200);
    const closed = await call('committeeA', 'POST', `${m.path}/close`);
    expect(closed.body.turnout.participants.count).toBe(7);
  });

  it('takes each sheet number once, keeps refused repeats for the reconciliation, and records a rejected entry in the chain', async () => {
    const m = await meetingAt('voted');
    const developer = await developerOf(m);
    const o6 = await rollOwner(m, '106');
    expect((await call('staffA', 'POST', `${m.path}/staff-ballots`, paperBallot(m, developer.id))).status).toBe(201);
    const repeated = await call('staffA', 'POST', `${m.path}/staff-ballots`, paperBallot(m, o6));
    expect(repeated).toMatchObject({ status: 409, body: { code: 'voting.sheet_taken' } });
    const [entry] = (await call('committeeA', 'GET', `${m.path}/staff-ballots`)).body.items;
    // The entry was typed against the wrong owner: rejected, its number free again for the corrected entry.
    expect((await call('committeeA', 'POST', `${m.path}/staff-ballots/${entry.id}/reject`)).status).toBe(204);
    expect((await call('staffA', 'POST', `${m.path}/staff-ballots`, paperBallot(m, o6))).status).toBe(201);
    const invalid = await call('staffA', 'POST', `${m.path}/staff-ballots`, {
      ...paperBallot(m, developer.id),
      paperRef: 'No.0008',
      wholeInvalid: true,
      choices: [],
    });
    expect(invalid.status).toBe(201);
    for (const pending of (await call('committeeA', 'GET', `${m.path}/staff-ballots`)).body.items)
      expect((await call('committeeA', 'POST', `${m.path}/staff-ballots/${pending.id}/confirm`)).status).toBe(200);
    expect(
      succeeded(await call('staffA', 'PUT', `${m.path}/sheet-counts`, { issued: 10, returned: 4 }), 200).body,
    ).toEqual({
      issued: 10,
      returned: 4,
      entered: 3,
      pending: 0,
      confirmed: 1,
      rejected: 1,
      invalid: 1,
      duplicatesRefused: 1,
      proxies: [],
    });
    const board = (await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/p/voting/meetings/${m.id}/board.json`))
      .body as Board;
    // The rejection first; the two confirmations (at the same moment of the test's clock) in either order.
    const paperEntries = board.chain.entries.slice(6).map((e) => [e.kind, e.channel, e.sheet]);
    expect(paperEntries[0]).toEqual(['rejected', 'paper', 'No.0007']);
    expect(paperEntries.slice(1)).toEqual(
      expect.arrayContaining([
        ['accepted', 'paper', 'No.0007'],
        ['invalid', 'paper', 'No.0008'],
      ]),
    );
    expect(verifyBoard(board)).toMatchObject({ ok: true, counted: 8 });
    h.clock.advance(4 * DAY);
    const closed = await call('committeeA', 'POST', `${m.path}/close`);
    // The 废票 sheet takes part and agrees with nothing: 8 of 9 owners, 900 m².
    expect(closed.body.motions[0].result).toMatchObject({
      participants: { count: 8, area: 900 * M2 },
      invalid: { count: 1, area: 100 * M2 },
    });
    const exported = await call('residentA', 'GET', `${m.path}/results?format=csv&table=reconciliation`);
    const text = typeof exported.body === 'string' ? exported.body : new TextDecoder().decode(exported.raw);
    expect(text).toContain('"重复编号被拒","1"');
  });

  it('takes a proxy with its signed authorisation (checked by its bytes) and no more owners per holder than the setting allows', async () => {
    succeeded(
      await call('adminA', 'PUT', `${A()}/plugins/voting/settings`, {
        settings: { supportThreshold: 2, proxyLimit: 1 },
      }),
      200,
    );
    const m = await meetingAt('voted');
    const svg = await upload(m, new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    expect(svg).toMatchObject({ status: 400, body: { code: 'voting.document_invalid' } });
    const document = succeeded(await upload(m, PNG), 201).body;
    expect(document).toMatchObject({
      mediaType: 'image/png',
      size: expect.any(Number),
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const proxy = (rollOwnerId: string, paperRef: string) => ({
      ...paperBallot(m, rollOwnerId),
      channel: 'proxy',
      paperRef,
      proxyName: '王 大伟',
      proxyDocumentId: document.id,
    });
    const withoutDocument = await call('staffA', 'POST', `${m.path}/staff-ballots`, {
      ...proxy(await rollOwner(m, '106'), 'P-1'),
      proxyDocumentId: null,
    });
    expect(withoutDocument.body.errors).toEqual([expect.objectContaining({ path: 'proxyDocumentId' })]);
    expect(
      (await call('staffA', 'POST', `${m.path}/staff-ballots`, proxy(await rollOwner(m, '106'), 'P-1'))).status,
    ).toBe(201);
    // The same holder, written with a full-width space: one holder, over the limit of one.
    const second = await call('staffA', 'POST', `${m.path}/staff-ballots`, {
      ...proxy(await rollOwner(m, '107'), 'P-2'),
      proxyName: '王　大伟',
    });
    expect(second).toMatchObject({ status: 409, body: { code: 'voting.proxy_limit' } });
    const shown = await h.call('GET', `${m.path}/proxy-documents/${document.id}`, { token: world.tokens.committeeA });
    expect(shown.status).toBe(200);
    // The chain names the document by the digest of the bytes kept and served.
    expect(createHash('sha256').update(new Uint8Array(shown.raw)).digest('hex')).toBe(document.digest);
    expect((await call('residentA', 'GET', `${m.path}/proxy-documents/${document.id}`)).status).toBe(403);
    expect((await call('staffA', 'GET', `${m.path}/reconciliation`)).body.proxies).toEqual([
      { holder: '王 大伟', count: 1 },
    ]);
    const [entry] = (await call('committeeA', 'GET', `${m.path}/staff-ballots`)).body.items;
    succeeded(await call('committeeA', 'POST', `${m.path}/staff-ballots/${entry.id}/confirm`), 200);
    const board = (await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/p/voting/meetings/${m.id}/board.json`))
      .body as Board;
    const last = board.chain.entries.at(-1)!;
    // The board names the holder by a pseudonym and the authorisation by its digest, never the name.
    expect(last).toMatchObject({
      channel: 'proxy',
      authorisation: document.digest,
      proxy: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(JSON.stringify(board)).not.toContain('大伟');
  });

  it('never lets another neighbourhood reach a meeting’s paper, documents or reconciliation', async () => {
    const m = await meetingAt('open');
    const document = succeeded(await upload(m, PNG), 201).body;
    const other = m.path.replace(A(), B());
    for (const path of [`${other}/reconciliation`, `${other}/proxy-documents/${document.id}`])
      expect((await call('adminB', 'GET', path)).status).toBe(404);
    expect((await call('adminB', 'PUT', `${other}/sheet-counts`, { issued: 1, returned: 1 })).status).toBe(404);
    expect((await call('adminB', 'GET', `${m.path}/reconciliation`)).status).toBe(404);
  });
});

describe('a chain anyone can check', () => {
  const publicBase = () => `/api/v1/public/n/${world.tenantA.slug}/p/voting`;
  const tables = () =>
    withTenant(h.services.db, world.tenantA.id, async (tx) => [
      (await tx.execute(sql`select * from voting_ballots order by id`)).rows,
      (await tx.execute(sql`select * from voting_meetings order by id`)).rows,
    ]);

  it('checks the chain and answers receipts without writing anything', async () => {
    const m = await meetingAt('voted');
    const before = await tables();
    const check = await h.call('GET', `${publicBase()}/meetings/${m.id}/chain`);
    expect(check.body).toMatchObject({ ok: true, entries: 6 });
    const receipt = (await mine(m, 'v2')).items[0].ballot.receipt;
    expect((await h.call('GET', `${publicBase()}/receipts/${receipt}`)).body.seq).toBe(2);
    expect((await h.call('GET', `${publicBase()}/meetings/${m.id}/board.json`)).status).toBe(200);
    expect(await tables()).toEqual(before);
  });

  it('detects a ballot flipped from accepted to rejected or replaced, and refuses to count', async () => {
    const m = await meetingAt('voted');
    const receipt = (await mine(m, 'v3')).items[0].ballot.receipt;
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.execute(sql`update voting_ballots set status = 'rejected' where receipt = ${receipt}`),
    );
    expect((await h.call('GET', `${publicBase()}/meetings/${m.id}/chain`)).body).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      difference: { code: 'chain_hash', seq: 3 },
    });
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.execute(sql`update voting_ballots set status = 'superseded' where receipt = ${receipt}`),
    );
    h.clock.advance(4 * DAY);
    const refused = await call('committeeA', 'POST', `${m.path}/close`);
    expect(refused).toMatchObject({ status: 409, body: { code: 'voting.chain_broken' } });
    expect(refused.body.detail).toContain('entry 3');
  });

  it('goes on from its last answer as entries are added, and finds a fault in an added one', async () => {
    const m = await meetingAt('open');
    const check = async () => (await h.call('GET', `${publicBase()}/meetings/${m.id}/chain`)).body;
    const cast = async (ballots: typeof ONLINE_BALLOTS) => {
      for (const [who, a, s, chosen] of ballots) {
        const id = (await mine(m, who)).items[0].rollOwnerId;
        succeeded(await call(who, 'POST', `${m.path}/ballots`, ballot(m, id, a, s, chosen)), 201);
      }
    };
    expect(await check()).toMatchObject({ ok: true, entries: 0 });
    await cast(ONLINE_BALLOTS.slice(0, 2));
    expect(await check()).toMatchObject({ ok: true, entries: 2 });
    await cast(ONLINE_BALLOTS.slice(2));
    expect(await check()).toMatchObject({ ok: true, entries: 6 });
    await enterAndConfirmPaper(m);
    // Stored as replaced, while the chain records nothing replacing it: the hash does not cover this, the check does.
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.execute(sql`update voting_ballots set status = 'superseded' where meeting_id = ${m.id} and seq = 7`),
    );
    expect(await check()).toMatchObject({
      ok: false,
      entries: 7,
      firstBrokenSeq: 7,
      difference: { code: 'entry_status', seq: 7 },
    });
  });

  it('detects an area edited on the frozen roll', async () => {
    const m = await meetingAt('voted');
    await withTenant(h.services.db, world.tenantA.id, async (tx) => {
      await tx.execute(
        sql`update voting_roll_units set area = area * 2 where meeting_id = ${m.id} and room like '%101'`,
      );
      await tx.execute(
        sql`update voting_roll_owners set area = area * 2 where meeting_id = ${m.id} and label like '%101'`,
      );
    });
    expect((await h.call('GET', `${publicBase()}/meetings/${m.id}/chain`)).body).toMatchObject({
      ok: false,
      difference: { code: 'roll_commitment' },
    });
  });
});

describe('a motion for some buildings only', () => {
  it('is on the ballots of those buildings’ owners only, and counts over their units', async () => {
    // 2栋: three owners of their own; o1 (1栋 101) also owns 2栋 301.
    const v21 = await addOwnerAccount('v21');
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { t1: '二栋1', t2: '二栋2', t3: '二栋3' },
      units: [
        { building: '2栋', room: '101', area: 80 * M2, owners: ['t1'] },
        { building: '2栋', room: '102', area: 80 * M2, owners: ['t2'] },
        { building: '2栋', room: '103', area: 80 * M2, owners: ['t3'] },
      ],
      verified: { t1: v21 },
    });
    const now = h.clock.now().getTime();
    const created = await call('committeeA', 'POST', `${A()}/p/voting/meetings`, {
      title: '2栋电梯',
      opensAt: new Date(now + 16 * DAY).toISOString(),
      closesAt: new Date(now + 20 * DAY).toISOString(),
    });
    // The draft shows its manager the buildings a motion may be scoped to.
    const second = (created.body.buildings as { id: string; name: string }[]).find((b) => b.name === '2栋')!;
    const M = `${A()}/p/voting/meetings/${created.body.id}`;
    const unknown = await call('committeeA', 'POST', `${M}/motions`, {
      matterType: 'use_maintenance_fund',
      title: '使用维修资金更换2栋电梯',
      scope: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.body.code).toBe('voting.scope_invalid');
    await call('committeeA', 'POST', `${M}/motions`, { matterType: 'management_statute', title: '修订管理规约' });
    const added = await call('committeeA', 'POST', `${M}/motions`, {
      matterType: 'use_maintenance_fund',
      title: '使用维修资金更换2栋电梯',
      scope: [second.id],
    });
    const [whole, lift] = added.body.motions;
    expect(lift.scope).toEqual([{ id: second.id, name: '2栋' }]);
    succeeded(await call('committeeA', 'POST', `${M}/announce`), 200);
    h.clock.advance(17 * DAY);
    succeeded(await call('committeeA', 'POST', `${M}/open`), 200);

    const residentA = (await call('residentA', 'GET', `${M}/mine`)).body.items[0];
    const v2 = (await call('v2', 'GET', `${M}/mine`)).body.items[0];
    const t1 = (await call('v21', 'GET', `${M}/mine`)).body.items[0];
    expect(v2.motionIds).toEqual([whole.id]);
    expect(t1.motionIds).toEqual([whole.id, lift.id]);
    expect(residentA.motionIds).toEqual([whole.id]);
    const vote = (who: string, rollOwnerId: string, ids: string[]) =>
      call(who, 'POST', `${M}/ballots`, {
        rollOwnerId,
        choices: ids.map((motionId) => ({ motionId, choice: 'agree' })),
      });
    expect((await vote('v2', v2.rollOwnerId, [whole.id, lift.id])).body.code).toBe('voting.choice_invalid');
    expect((await vote('v21', t1.rollOwnerId, [whole.id])).body.code).toBe('voting.choices_incomplete');
    succeeded(await vote('v2', v2.rollOwnerId, [whole.id]), 201);
    succeeded(await vote('v21', t1.rollOwnerId, [whole.id, lift.id]), 201);
    h.clock.advance(4 * DAY);
    const closed = succeeded(await call('committeeA', 'POST', `${M}/close`), 200).body;
    // The lift motion's roll: 2栋's three owners, 240 m²; one took part.
    expect(closed.motions[1].result).toMatchObject({
      total: { area: 240 * M2, count: 3 },
      participants: { area: 80 * M2, count: 1 },
      outcome: 'not_decided',
    });
    expect(closed.motions[0].result.total).toEqual({ area: 1240 * M2, count: 12 });
  });
});

/** 张伟 (13800000000, no ID number on record) entered twice: once for 2栋 201 and once for 2栋 202, 100 m² each. */
async function zhangWeiTwice() {
  const registry = `${A()}/registry`;
  const building = succeeded(await call('adminA', 'POST', `${registry}/buildings`, { name: '2栋' }), 201).body;
  const ownerIds: string[] = [];
  for (const room of ['201', '202']) {
    const unit = succeeded(
      await call('adminA', 'POST', `${registry}/units`, {
        buildingId: building.id,
        floor: 2,
        room,
        registeredArea: '100.00',
        saleStatus: 'sold_delivered',
      }),
      201,
    ).body;
    const owners = [{ name: '张伟', phone: '13800000000', idNumber: null, designatedVoter: true }];
    const set = succeeded(
      await call('adminA', 'PUT', `${registry}/units/${unit.id}/owners`, { owners, reason: '按购房合同录入' }),
      200,
    );
    ownerIds.push(set.body.owners[0].ownerId);
  }
  return ownerIds;
}

describe('owner records that may be one person', () => {
  it('refuses to freeze the roll while they await confirmation; confirmed as one person, they are one counting owner with both units', async () => {
    const [first, second] = await zhangWeiTwice();
    const m = await meetingAt('announced');
    h.clock.advance(17 * DAY);
    const refused = await call('committeeA', 'POST', `${m.path}/open`);
    expect(refused).toMatchObject({
      status: 409,
      body: { code: 'voting.roll_lookalikes', title: '有疑似同一人的业主记录尚未确认，无法冻结业主名册' },
    });
    expect(refused.body.detail).toContain('张伟（2栋 201 / 2栋 202）');
    expect(refused.body.detail).toContain('房屋登记 → 疑似同一业主');
    expect(JSON.stringify(refused.body)).not.toContain('13800000000');
    const english = await h.call('POST', `${m.path}/open`, {
      token: world.tokens.committeeA,
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.detail).toContain('Property registry → Possible duplicate owners');
    expect((await call('residentA', 'GET', m.path)).body.status).toBe('announced');

    succeeded(
      await call('adminA', 'POST', `${A()}/registry/lookalikes/${first}/decision`, {
        decision: 'same_person',
        ownerIds: [first, second],
      }),
      200,
    );
    const opened = succeeded(await call('committeeA', 'POST', `${m.path}/open`), 200);
    // The nine counting owners every test starts with, and 张伟 once, with 200 m².
    expect(opened.body.turnout.total).toEqual({ area: 1200 * M2, count: 10 });
    const roll = (await call('staffA', 'GET', `${m.path}/roll?q=张伟`)).body.items;
    expect(roll).toEqual([expect.objectContaining({ label: '2栋 201 +1', names: ['张伟'], area: 200 * M2 })]);
  });

  it('counts records confirmed as different people as two counting owners, and does not flag them again', async () => {
    const [first, second] = await zhangWeiTwice();
    succeeded(
      await call('adminA', 'POST', `${A()}/registry/lookalikes/${second}/decision`, {
        decision: 'different_people',
        ownerIds: [second, first],
      }),
      200,
    );
    expect((await call('adminA', 'GET', `${A()}/registry/lookalikes`)).body.items).toEqual([]);
    const m = await meetingAt('announced');
    h.clock.advance(17 * DAY);
    const opened = succeeded(await call('committeeA', 'POST', `${m.path}/open`), 200);
    expect(opened.body.turnout.total).toEqual({ area: 1200 * M2, count: 11 });
    const roll = (await call('staffA', 'GET', `${m.path}/roll?q=张伟`)).body.items;
    expect(roll.map((o: { label: string }) => o.label)).toEqual(['2栋 201', '2栋 202']);
  });
});

describe('the frozen roll', () => {
  it('finds a counting owner by any of its units, not only by the first one that labels it', async () => {
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { nine: '业主九', ten: '业主十' },
      units: [
        { building: '9栋', room: '201', area: 90 * M2, owners: ['nine'] },
        { building: '9栋', room: '305', area: 120 * M2, owners: ['nine'] },
        { building: '9栋', room: '306', area: 120 * M2, owners: ['ten'] },
      ],
    });
    const m = await meetingAt('open');
    const search = async (q: string) =>
      (await call('staffA', 'GET', `${m.path}/roll?q=${encodeURIComponent(q)}`)).body.items.map(
        (o: { label: string; area: number }) => [o.label, o.area],
      );
    expect(await search('9栋 305')).toEqual([['9栋 201 +1', 210 * M2]]);
    expect(await search('9栋 201')).toEqual([['9栋 201 +1', 210 * M2]]);
    expect(await search('306')).toEqual([['9栋 306', 120 * M2]]);
    expect(await search('业主九')).toEqual([['9栋 201 +1', 210 * M2]]);
    expect(await search('9栋 999')).toEqual([]);
  });

  it('keeps each co-owner’s name whole, even one with a 、 in it, and an erased owner’s pseudonym in its place', async () => {
    const { ownerId } = await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { odd: '欧阳、娜娜', feng: '冯海燕' },
      units: [{ building: '9栋', room: '201', area: 90 * M2, owners: ['odd', 'feng'] }],
    });
    const m = await meetingAt('open');
    const namesOn = async (q: string) =>
      (await call('staffA', 'GET', `${m.path}/roll?q=${encodeURIComponent(q)}`)).body.items.map(
        (o: { names: string[] }) => o.names.toSorted(),
      );
    expect(await namesOn('冯海燕')).toEqual([['冯海燕', '欧阳、娜娜']]);
    expect(await namesOn('欧阳、娜娜')).toEqual([['冯海燕', '欧阳、娜娜']]);

    const pseudonym = '已注销用户-ABC123';
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      h.services.pluginRuntime.personalData.erase(tx, world.tenantA, {
        userId: crypto.randomUUID(),
        names: ['欧阳、娜娜'],
        ownerIds: [ownerId.odd!],
        pseudonym,
      }),
    );
    expect(await namesOn('冯海燕')).toEqual([['冯海燕', pseudonym]]);
    expect(await namesOn('欧阳')).toEqual([]);
  });
});

describe('the count desk’s roll and the meetings list', () => {
  type RollPage = {
    items: { id: string; label: string; names: string[]; voted: boolean }[];
    nextCursor: string | null;
    matched: number;
    from: number;
    buildings: string[];
  };
  const rollOf = async (m: Meeting, query = '') =>
    succeeded(await call('staffA', 'GET', `${m.path}/roll${query}`), 200).body as RollPage;
  const labels = (page: RollPage) => page.items.map((o) => o.label);

  it('lists rooms in natural order, filters by building and by whether a ballot is in, and pages in that order', async () => {
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { cai: '蔡超', feng: '冯海燕', tall: '业主高', low: '业主低' },
      units: [
        { building: '10栋', room: '1001', area: 90 * M2, owners: ['tall'] },
        { building: '10栋', room: '202', area: 90 * M2, owners: ['cai', 'feng'] },
        { building: '2栋', room: '1101', area: 90 * M2, owners: ['low'] },
      ],
    });
    const m = await meetingAt('open');
    const whole = await rollOf(m);
    expect(labels(whole)).toEqual([
      ...['101', '102', '103', '104', '105', '106', '107', '108 +1', '110'].map((room) => `1栋 ${room}`),
      '2栋 1101',
      '10栋 202',
      '10栋 1001',
    ]);
    expect(whole).toMatchObject({ matched: 12, from: 1, nextCursor: null, buildings: ['1栋', '2栋', '10栋'] });
    // Co-owners come as a list of names.
    expect(whole.items.find((o) => o.label === '10栋 202')?.names.toSorted()).toEqual(['冯海燕', '蔡超']);

    expect(labels(await rollOf(m, `?building=${encodeURIComponent('10栋')}`))).toEqual(['10栋 202', '10栋 1001']);
    const cast = await mine(m, 'residentA');
    succeeded(
      await call('residentA', 'POST', `${m.path}/ballots`, ballot(m, cast.items[0].rollOwnerId, 'agree', 'agree', [])),
      201,
    );
    const unvoted = await rollOf(m, '?status=unvoted');
    expect(unvoted.matched).toBe(11);
    expect(labels(unvoted)).not.toContain('1栋 101');
    expect(labels(await rollOf(m, '?status=voted'))).toEqual(['1栋 101']);

    // Pages of five follow the same order; a row that leaves the filter still marks where its page ended.
    const first = await rollOf(m, '?status=unvoted&limit=5');
    expect(first).toMatchObject({ matched: 11, from: 1 });
    expect(labels(first)).toEqual(labels(unvoted).slice(0, 5));
    const second = await rollOf(m, `?status=unvoted&limit=5&cursor=${first.nextCursor}`);
    expect(second.from).toBe(6);
    expect(labels(second)).toEqual(labels(unvoted).slice(5, 10));
    const third = await rollOf(m, `?status=unvoted&limit=5&cursor=${second.nextCursor}`);
    expect(third).toMatchObject({ from: 11, nextCursor: null });
    expect(labels(third)).toEqual(labels(unvoted).slice(10));
    expect((await call('staffA', 'GET', `${m.path}/roll?status=maybe`)).status).toBe(400);
  });

  it('tells each member of the meetings list whether they have voted', async () => {
    const m = await meetingAt('open');
    const listed = async (who: string) =>
      (
        succeeded(await call(who, 'GET', `${A()}/p/voting/meetings`), 200).body.items as {
          id: string;
          myVote: string;
        }[]
      ).find((item) => item.id === m.id)?.myVote;
    expect(await listed('residentA')).toBe('not_voted');
    const cast = await mine(m, 'residentA');
    succeeded(
      await call('residentA', 'POST', `${m.path}/ballots`, ballot(m, cast.items[0].rollOwnerId, 'agree', 'agree', [])),
      201,
    );
    expect(await listed('residentA')).toBe('voted');
    expect(await listed('v2')).toBe('not_voted');
    // Staff vote for nobody on the roll; a draft has no roll yet.
    expect(await listed('staffA')).toBeNull();
    const draft = await meetingAt('drafted');
    const drafts = succeeded(await call('committeeA', 'GET', `${A()}/p/voting/meetings`), 200).body.items;
    expect(drafts.find((item: { id: string }) => item.id === draft.id).myVote).toBeNull();
  });
});

/** The unit of 1栋 (the neighbourhood every test starts with) at `room`. */
async function unitOf(room: string): Promise<string> {
  const buildings = (await call('adminA', 'GET', `${A()}/registry/buildings`)).body.items as {
    id: string;
    name: string;
  }[];
  const first = buildings.find((b) => b.name === '1栋')!;
  const units = (await call('adminA', 'GET', `${A()}/registry/buildings/${first.id}/units`)).body.items;
  return units.find((u: { room: string }) => u.room === room).id;
}

/** A registry file imported through the API, its background transaction awaited (not polled). */
async function importRegistry(fileName: string, rows: Record<string, string>[]) {
  const text = [
    REGISTRY_COLUMNS.map((c) => c.label).join(','),
    ...rows.map((row) => REGISTRY_COLUMNS.map((c) => row[c.key] ?? '').join(',')),
  ].join('\n');
  const headers = { authorization: `Bearer ${world.tokens.adminA}`, 'accept-language': 'zh-CN' };
  const uploaded = await h.app.request(`${A()}/registry/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream' },
    body: new TextEncoder().encode(text),
  });
  const validated = (await uploaded.json()) as { id: string; status: string };
  expect(validated.status, JSON.stringify(validated)).toBe('ready');
  const work: Promise<unknown>[] = [];
  const background = { waitUntil: (p: Promise<unknown>) => work.push(p), passThroughOnException: () => {}, props: {} };
  const applied = await h.app.request(
    `${A()}/registry/imports/${validated.id}/apply`,
    { method: 'POST', headers },
    undefined,
    background,
  );
  expect(applied.status).toBe(202);
  await Promise.all(work);
  expect((await call('adminA', 'GET', `${A()}/registry/imports/${validated.id}`)).body.status).toBe('applied');
}

const publicNotice = async (id: string) =>
  (await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/notices`)).body.items.find(
    (n: { id: string }) => n.id === id,
  );

describe('the roll published with the announcement', () => {
  it('publishes the roll’s totals with the notice, and at opening the units that changed since, with the reasons the registry recorded', async () => {
    const m = await meetingAt('announced');
    const announced = (await call('residentA', 'GET', m.path)).body;
    expect(announced.announcedRoll).toEqual({ area: 1000 * M2, count: 9 });
    expect(announced.announcedRollHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await publicNotice(announced.noticeId)).body).toContain(
      `业主名册（按本公告发布时的房屋登记）：计票主体 9 人，专有部分面积合计 1000.00 ㎡，名册哈希 ${announced.announcedRollHash}。`,
    );

    // During the notice period: 1栋 103 is sold on, 1栋 104's registered area is corrected, 1栋 105 is re-imported
    // with a new owner, and 1栋 106 only gets a phone number for its owner (no change to the count).
    h.clock.advance(DAY);
    const [u103, u104, u106] = [await unitOf('103'), await unitOf('104'), await unitOf('106')];
    succeeded(
      await call('adminA', 'PUT', `${A()}/registry/units/${u103}/owners`, {
        owners: [{ name: '新业主', phone: null, idNumber: null, designatedVoter: true }],
        reason: '二手房过户，已办理不动产转移登记',
      }),
      200,
    );
    succeeded(await call('adminA', 'PATCH', `${A()}/registry/units/${u104}`, { registeredArea: '120.00' }), 200);
    h.clock.advance(DAY);
    await importRegistry('第二季度更正.csv', [
      {
        building: '1栋',
        floor: '1',
        room: '105',
        registered_area: '100.00',
        sale_status: '已售已交付',
        owner_name: '赵新',
        designated_voter: '是',
      },
    ]);
    succeeded(
      await call('adminA', 'PUT', `${A()}/registry/units/${u106}/owners`, {
        owners: [{ name: '业主6', phone: '13700000006', idNumber: null, designatedVoter: true }],
        reason: '补录手机号',
      }),
      200,
    );
    h.clock.advance(15 * DAY);

    const opened = succeeded(await call('committeeA', 'POST', `${m.path}/open`), 200).body;
    expect(opened.turnout.total).toEqual({ area: 1020 * M2, count: 9 });
    expect(opened.announcedRoll).toEqual({ area: 1000 * M2, count: 9 });
    const board = (await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/notices`)).body.items;
    const frozen = board.find((n: { title: string }) => n.title === `业主名册冻结公示：${MEETING_TITLE}`);
    expect(frozen.category).toBe('disclosure');
    expect(opened.rollHash).not.toBe(announced.announcedRollHash);
    expect(frozen.body).toContain(
      `业主名册按此时的房屋登记冻结：计票主体 9 人，专有部分面积合计 1020.00 ㎡，名册哈希 ${opened.rollHash}。`,
    );
    expect(frozen.body).toContain(
      `计票主体 9 人，专有部分面积合计 1000.00 ㎡，名册哈希 ${announced.announcedRollHash}（与冻结名册不同，变动见下）。`,
    );
    expect(frozen.body.split('\n').filter((line: string) => /^\d+\. /.test(line))).toEqual([
      '1. 1栋 103：业主变更（登记记录：变更业主，原因：二手房过户，已办理不动产转移登记）',
      '2. 1栋 104：计票面积 100.00 ㎡ → 120.00 ㎡（登记记录：修改房屋信息）',
      '3. 1栋 105：业主变更（登记记录：导入房屋登记表（第二季度更正.csv））',
      // Re-entered without an ID number, 业主6 is a new owner record: for the count, a different owner.
      '4. 1栋 106：业主变更（登记记录：变更业主，原因：补录手机号）',
    ]);
    const trail = (await call('adminA', 'GET', `${A()}/audit`)).body.items;
    expect(trail[0]).toMatchObject({
      action: 'voting.roll_changes_published',
      details: { noticeId: frozen.id, changes: 4 },
    });
  });

  it('freezes an unchanged roll to the commitment the notice published, which the board carries', async () => {
    const m = await meetingAt('open');
    const opened = (await call('residentA', 'GET', m.path)).body;
    expect(opened.rollHash).toMatch(/^[0-9a-f]{64}$/);
    expect(opened.announcedRollHash).toBe(opened.rollHash);
    const board = (await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/p/voting/meetings/${m.id}/board.json`))
      .body as Board;
    expect(board.roll.announced).toEqual({ commitment: opened.rollHash, total: opened.announcedRoll });
    expect(verifyBoard(board)).toMatchObject({ ok: true });
  });

  it('refuses to announce a meeting whose roll could not be frozen, naming the units to complete', async () => {
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: {},
      units: [{ building: '3栋', room: '301', area: null }],
    });
    const m = await draftMeeting();
    succeeded(await call('committeeA', 'PUT', m.path, rescheduled(h.clock.now().getTime())), 200);
    const refused = await call('committeeA', 'POST', `${m.path}/announce`);
    expect(refused).toMatchObject({ status: 422, body: { code: 'voting.roll_incomplete' } });
    expect(refused.body.detail).toContain('3栋 301（没有登记、实测或合同面积）');
    expect((await call('committeeA', 'GET', m.path)).body).toMatchObject({ status: 'draft', announcedRoll: null });
  });
});
