import { addDays, beijingDate } from '@city/core';
import { schema, type TestApp, useWorld, withTenant, type World } from '@city/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

const current = useWorld();
const path = (world: World, rest = '') => `/api/v1/t/${world.tenantA.slug}/governance${rest}`;
const today = (h: TestApp) => beijingDate(h.clock.now());

const member = (name: string, seat: string, lead = false) => ({ name, seat, lead });
/** Five: three owners' representatives, the 街道's (leading) and the developer's. */
const lawful = [
  member('王立新', 'street', true),
  member('李红', 'owner'),
  member('陈平', 'owner'),
  member('赵敏', 'owner'),
  member('璧山置业 刘强', 'developer'),
];

const form = (h: TestApp, world: World, members: object[], formedOn = today(h)) =>
  h.call('POST', path(world, '/preparatory-group'), { token: world.tokens.adminA, json: { formedOn, members } });

describe('the owners’ bodies through their lifecycle', () => {
  it('refuses a 筹备组 that breaks the rules, each with its rule in plain words', async () => {
    const { h, world } = current;
    const messages = async (members: object[]) =>
      ((await form(h, world, members)).body.errors as { message: string }[]).map((e) => e.message);
    expect(await messages(lawful.slice(0, 4))).toContain('筹备组成员须为单数');
    expect(
      await messages([
        ...lawful.slice(0, 2),
        member('甲', 'developer'),
        member('乙', 'community'),
        member('丙', 'party_branch'),
      ]),
    ).toContain('筹备组中业主代表不得少于一半');
    expect(
      await messages([{ ...lawful[0]!, lead: false }, { ...lawful[1]!, lead: true }, ...lawful.slice(2)]),
    ).toContain('筹备组须由街道办事处的代表担任组长（仅一名组长）');
    expect((await h.call('GET', path(world), { token: world.tokens.residentA })).body.preparatory).toBeNull();
  });

  it('forms the 筹备组, publishes its list at once and counts 90 days to the first meeting', async () => {
    const { h, world } = current;
    const formed = await form(h, world, lawful);
    expect(formed.status).toBe(201);
    expect(formed.body.preparatory).toMatchObject({
      formedOn: today(h),
      firstMeetingDue: addDays(today(h), 90),
      daysLeft: 90,
      overdue: false,
    });
    const notice = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/notices/${formed.body.preparatory.noticeId}`, {
      token: world.tokens.residentA,
    });
    expect(notice.body).toMatchObject({
      category: 'disclosure',
      state: 'live',
      title: '首次业主大会筹备组成员名单公示',
    });
    expect(notice.body.body).toContain('组长 王立新（街道办事处代表）');
    expect((await form(h, world, lawful)).status).toBe(409);

    const held = await h.call('POST', path(world, '/preparatory-group/first-meeting'), {
      token: world.tokens.adminA,
      json: { heldOn: today(h) },
    });
    expect(held.body.preparatory).toBeNull();
  });

  it('flags a 筹备组 past its 90 days and a committee past its 30 days to file, to the 社区 and nobody outside the branch', async () => {
    const { h, world } = current;
    await form(h, world, lawful, addDays(today(h), -100));
    const elected = addDays(today(h), -40);
    const term = await h.call('POST', path(world, '/terms'), {
      token: world.tokens.adminA,
      json: { electedOn: elected, startsOn: elected, endsOn: addDays(elected, 365 * 5), seats: 7 },
    });
    expect(term.status).toBe(201);
    expect(term.body.term).toMatchObject({
      filingDue: addDays(elected, 30),
      filingOverdue: true,
      seats: 7,
      vacancies: 7,
    });

    const health = await h.call('GET', '/api/v1/supervision/committees', { token: world.tokens.communityStaffA });
    expect(health.status).toBe(200);
    const mine = health.body.items.find(
      (i: { neighbourhood: { slug: string } }) => i.neighbourhood.slug === world.tenantA.slug,
    );
    expect(mine.governance).toMatchObject({
      preparatory: { overdue: true, daysLeft: -10 },
      term: { filingOverdue: true },
    });
    const outside = await h.call('GET', '/api/v1/supervision/committees', { token: world.tokens.otherBranchStaff });
    expect(outside.body.items.map((i: { neighbourhood: { slug: string } }) => i.neighbourhood.slug)).not.toContain(
      world.tenantA.slug,
    );
    expect((await h.call('GET', '/api/v1/supervision/committees', { token: world.tokens.residentA })).status).toBe(403);

    const filed = await h.call('POST', path(world, '/terms/current/filing'), {
      token: world.tokens.adminA,
      json: {
        filedOn: today(h),
        registrationNo: '52500120MJP123456X',
        bankAccount: '重庆农商行璧山支行 1234 5678 9012',
      },
    });
    expect(filed.body.term).toMatchObject({
      filedOn: today(h),
      filingOverdue: false,
      registrationNo: '52500120MJP123456X',
    });
  });

  it('keeps a term to 5–11 seats, odd, at most five years, one at a time', async () => {
    const { h, world } = current;
    const start = today(h);
    const term = (json: object) => h.call('POST', path(world, '/terms'), { token: world.tokens.adminA, json });
    const base = { electedOn: start, startsOn: start, endsOn: addDays(start, 365 * 3), seats: 5 };
    expect((await term({ ...base, seats: 6 })).body.errors[0]).toMatchObject({ code: 'committee_seats' });
    expect((await term({ ...base, seats: 13 })).status).toBe(400);
    expect((await term({ ...base, endsOn: addDays(start, 365 * 5 + 2) })).body.errors[0]).toMatchObject({
      code: 'committee_term_length',
    });
    expect((await term(base)).status).toBe(201);
    expect((await term(base)).status).toBe(409);
    const ended = await h.call('POST', path(world, '/terms/current/end'), {
      token: world.tokens.adminA,
      json: { endedOn: start },
    });
    expect(ended.body.term).toBeNull();
    expect((await h.call('POST', path(world, '/terms'), { token: world.tokens.residentA, json: base })).status).toBe(
      403,
    );
  });

  it('lets the supervisory committee evaluate the committee, criterion by criterion, on 公示', async () => {
    const { h, world } = current;
    const evaluation = {
      period: '2026-H2',
      scores: [
        { criterion: '财务公开', score: 5, remark: '每月按时公示' },
        { criterion: '回应业主诉求', score: 4 },
      ],
      summary: '总体履职良好，议事记录需更完整。',
    };
    const evaluate = (token: string | undefined, json: object = evaluation) =>
      h.call('POST', path(world, '/evaluations'), { token, json });
    expect((await evaluate(world.tokens.residentA)).body).toMatchObject({ code: 'not_a_signer' });
    await h.call('POST', `/api/v1/t/${world.tenantA.slug}/committee-members`, {
      token: world.tokens.adminA,
      json: { body: 'supervisory', userId: world.users.residentA.id, joinedOn: '2026-01-01' },
    });
    expect((await evaluate(world.tokens.residentA, { ...evaluation, period: '2026-H3' })).body.errors[0]).toMatchObject(
      {
        code: 'evaluation_period',
      },
    );
    const made = await evaluate(world.tokens.residentA);
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ average: 4.5, evaluatedByName: world.users.residentA.displayName });
    const notice = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/notices/${made.body.noticeId}`, {
      token: world.tokens.staffA,
    });
    expect(notice.body).toMatchObject({ title: '业主监督委员会对业主委员会的考评（2026年下半年）' });
    expect(notice.body.body).toContain('财务公开：5 分。每月按时公示');
    const list = await h.call('GET', path(world, '/evaluations'), { token: world.tokens.staffA });
    expect(list.body.items).toHaveLength(1);
  });

  it('records a committee meeting only with more than half of its members, counts decisions against all of them, and publishes the minutes', async () => {
    const { h, world } = current;
    const seat = (persona: 'committeeA' | 'staffA' | 'residentA') =>
      h.call('POST', `/api/v1/t/${world.tenantA.slug}/committee-members`, {
        token: world.tokens.adminA,
        json: { body: 'committee', userId: world.users[persona].id, joinedOn: '2026-01-01' },
      });
    for (const persona of ['committeeA', 'staffA', 'residentA'] as const) await seat(persona);
    const meeting = (attendees: ('committeeA' | 'staffA' | 'residentA' | 'adminA')[], decisions: object[] = []) =>
      h.call('POST', path(world, '/meetings'), {
        token: world.tokens.committeeA,
        json: {
          heldOn: today(h),
          title: '第三次委员会会议',
          agenda: '一、审议门禁更换方案；二、讨论公共收益分红',
          attendeeIds: attendees.map((p) => world.users[p].id),
          decisions,
          minutes: '会议由主任主持，逐项讨论并表决。',
        },
      });
    const alone = await meeting(['committeeA']);
    expect(alone.status).toBe(400);
    expect(alone.body.errors[0].message).toContain('未超过全体委员 3 人的半数');
    expect((await meeting(['committeeA', 'adminA'])).body.errors[0].message).toBe('出席人须为现任业主委员会委员');
    expect(
      (await meeting(['committeeA', 'staffA'], [{ text: '更换门禁', agree: 3, oppose: 0, abstain: 0 }])).body.errors[0]
        .message,
    ).toBe('表决票数多于出席人数');

    // Two of three present: 2 of all 3 carries, 1 does not (half of 3 is 1.5).
    const held = await meeting(
      ['committeeA', 'staffA'],
      [
        { text: '同意更换2栋门禁', agree: 2, oppose: 0, abstain: 0 },
        { text: '本季度不分红', agree: 1, oppose: 1, abstain: 0 },
      ],
    );
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ membersTotal: 3, decisions: [{ passed: true }, { passed: false }] });
    const minutes = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/notices/${held.body.noticeId}`, {
      token: world.tokens.residentA,
    });
    expect(minutes.body.title).toBe('业主委员会会议纪要：第三次委员会会议');
    expect(minutes.body.body).toContain('决定：同意更换2栋门禁——同意 2、反对 0、弃权 0，通过。');
    expect((await h.call('GET', path(world, '/meetings'), { token: world.tokens.residentA })).body.items).toHaveLength(
      1,
    );
  });

  it('puts what needs them on people’s to-do lists: signatures, countersignatures, reviews, the 备案 deadline', async () => {
    const { h, world } = current;
    const seat = (persona: 'committeeA' | 'staffA' | 'residentA', body: string) =>
      h.call('POST', `/api/v1/t/${world.tenantA.slug}/committee-members`, {
        token: world.tokens.adminA,
        json: { body, userId: world.users[persona].id, joinedOn: '2026-01-01' },
      });
    await seat('committeeA', 'committee');
    await seat('staffA', 'committee');
    await seat('residentA', 'supervisory');
    const ledger = `/api/v1/t/${world.tenantA.slug}/ledger`;
    const accounts = (await h.call('GET', `${ledger}/accounts`, { token: world.tokens.adminA })).body.items as {
      id: string;
      purpose: string;
    }[];
    const proposed = await h.call('POST', `${ledger}/expenses`, {
      token: world.tokens.committeeA,
      json: {
        title: '更换监控硬盘',
        payee: '璧山安防',
        reason: '硬盘损坏',
        amountFen: 900_000,
        expenseAccountId: accounts.find((a) => a.purpose === 'repairs')!.id,
      },
    });
    const elected = addDays(today(h), -25);
    await h.call('POST', path(world, '/terms'), {
      token: world.tokens.adminA,
      json: { electedOn: elected, startsOn: elected, endsOn: addDays(elected, 1000), seats: 5 },
    });
    const todo = async (persona: 'committeeA' | 'staffA' | 'residentA' | 'adminA') =>
      (
        (await h.call('GET', '/api/v1/me/todo', { token: world.tokens[persona] })).body.items as {
          kind: string;
          title: string;
          link: string;
          due: string | null;
        }[]
      ).filter((i) => i.kind.startsWith('core.ledger') || i.kind.startsWith('core.governance'));

    expect(await todo('committeeA')).toEqual([]); // his own proposal
    expect(await todo('staffA')).toEqual([
      expect.objectContaining({
        kind: 'core.ledger.sign',
        title: '待您签署：更换监控硬盘',
        link: `/n/${world.tenantA.slug}/ledger/expenses/${proposed.body.id}`,
      }),
    ]);
    expect((await todo('residentA')).map((i) => i.kind)).toEqual(['core.ledger.countersign']);
    expect(await todo('adminA')).toEqual([
      expect.objectContaining({ kind: 'core.governance.filing', due: `${addDays(elected, 31)}T00:00:00+08:00` }),
    ]);
    await h.call('POST', `${ledger}/expenses/${proposed.body.id}/signatures`, {
      token: world.tokens.staffA,
      json: { decision: 'approve' },
    });
    expect(await todo('staffA')).toEqual([]);
  });
});

describe('an election’s result, reported by a plugin as an event', () => {
  /** What a voting plugin emits when it counts an election: written to the outbox as the plugin's runtime would. */
  const report = async (h: TestApp, world: World, source: string, payload: object) => {
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      h.services.events.emit(tx, world.tenantA.id, `${source}.committee_elected`, { ...payload }, h.clock.now()),
    );
    await h.services.pluginRuntime.dispatcher.dispatch(world.tenantA.id);
  };
  const elected = (h: TestApp) => ({
    meetingId: 'm-1',
    meetingTitle: '2026年第一次业主大会',
    motionTitle: '选举第一届业主委员会',
    byElection: false,
    seats: 5,
    closedAt: h.clock.now().toISOString(),
    elected: ['赵一', '钱二', '孙三', '李四', '周五'].map((name, i) => ({ candidateId: `c${i}`, name })),
    unfilled: 0,
    noticeId: null,
  });
  const elections = async (h: TestApp, world: World, token = world.tokens.adminA) =>
    h.call('GET', path(world, '/elections'), { token });

  it('keeps the result once, for the admins to link the elected to members; the new term starts with them seated', async () => {
    const { h, world } = current;
    const payload = elected(h);
    await report(h, world, 'voting', payload);
    const [election] = (await elections(h, world)).body.items;
    expect(election).toMatchObject({ source: 'voting', seats: 5, status: 'pending', electedOn: today(h) });
    expect(election.elected.map((x: { name: string }) => x.name)).toEqual(['赵一', '钱二', '孙三', '李四', '周五']);
    // Delivered again (a retried event): still one.
    await report(h, world, 'voting', payload);
    expect((await elections(h, world)).body.items).toHaveLength(2);
    const apply = (json: object) =>
      h.call('POST', path(world, `/elections/${election.id}/apply`), { token: world.tokens.adminA, json });
    const link = (userIds: (string | null)[]) =>
      userIds.map((userId, i) => ({ candidateId: `c${i}`, userId, position: i === 0 ? 'chair' : 'member' }));
    const people = [world.users.committeeA.id, world.users.residentA.id, null, null, null];

    const unlinked = await apply({
      startsOn: today(h),
      endsOn: addDays(today(h), 365 * 3),
      members: link(people).slice(1),
    });
    expect(unlinked.status).toBe(400);
    expect(unlinked.body.errors[0].message).toBe('请为每一位当选人选择对应的成员（或标明暂不就任）');
    const tooLong = await apply({ startsOn: today(h), endsOn: addDays(today(h), 365 * 6), members: link(people) });
    expect(tooLong.body.errors[0].message).toBe('业主委员会每届任期不超过5年');
    const twice = await apply({
      startsOn: today(h),
      endsOn: addDays(today(h), 365 * 3),
      members: link([world.users.committeeA.id, world.users.committeeA.id, null, null, null]),
    });
    expect(twice.body.errors[0].message).toBe('同一名成员不能对应两名当选人');
    const stranger = await apply({
      startsOn: today(h),
      endsOn: addDays(today(h), 365 * 3),
      members: link([world.users.outsider.id, null, null, null, null]),
    });
    expect(stranger.status).toBe(400);
    // Nothing of the refused attempts was kept: no term, nobody seated.
    expect((await h.call('GET', path(world), { token: world.tokens.adminA })).body.term).toBeNull();

    const applied = await apply({ startsOn: today(h), endsOn: addDays(today(h), 365 * 5), members: link(people) });
    expect(applied.status).toBe(200);
    expect(applied.body.term).toMatchObject({ seats: 5, seated: 2, vacancies: 3, electedOn: today(h) });
    expect(applied.body.term.electedBy).toContain('2026年第一次业主大会');
    const seats = (
      await h.call('GET', `/api/v1/t/${world.tenantA.slug}/committee-members`, { token: world.tokens.adminA })
    ).body.items.filter((s: { body: string; leftOn: string | null }) => s.body === 'committee' && !s.leftOn);
    expect(seats.map((s: { userId: string; position: string }) => [s.userId, s.position])).toEqual(
      expect.arrayContaining([
        [world.users.committeeA.id, 'chair'],
        [world.users.residentA.id, 'member'],
      ]),
    );
    expect((await apply({ startsOn: today(h), endsOn: null, members: link(people) })).status).toBe(409);
    const [taken] = (await elections(h, world)).body.items.filter((x: { id: string }) => x.id === election.id);
    expect(taken).toMatchObject({ status: 'applied', termId: applied.body.term.id });

    // The term's end ends its seats.
    const ended = await h.call('POST', path(world, '/terms/current/end'), {
      token: world.tokens.adminA,
      json: { endedOn: today(h) },
    });
    expect(ended.body.term).toBeNull();
    const after = (
      await h.call('GET', `/api/v1/t/${world.tenantA.slug}/committee-members`, { token: world.tokens.adminA })
    ).body.items.filter((s: { body: string; leftOn: string | null }) => s.body === 'committee' && !s.leftOn);
    expect(after).toEqual([]);
  });

  it('seats a by-election’s elected on the sitting term, within its vacancies; a result may be set aside with a reason', async () => {
    const { h, world } = current;
    await h.call('POST', path(world, '/terms'), {
      token: world.tokens.adminA,
      json: { electedOn: today(h), startsOn: today(h), endsOn: addDays(today(h), 365 * 5), seats: 5 },
    });
    await report(h, world, 'voting', {
      ...elected(h),
      byElection: true,
      seats: 2,
      elected: [{ candidateId: 'x', name: '吴六' }],
      unfilled: 1,
    });
    await report(h, world, 'voting', { ...elected(h), meetingId: 'm-2' });
    const [test, byElection] = (await elections(h, world)).body.items;
    const seated = await h.call('POST', path(world, `/elections/${byElection.id}/apply`), {
      token: world.tokens.adminA,
      json: { startsOn: today(h), members: [{ candidateId: 'x', userId: world.users.residentA.id }] },
    });
    expect(seated.status).toBe(200);
    expect(seated.body.term).toMatchObject({ seats: 5, seated: 1, vacancies: 4 });

    const dismiss = (json: object) =>
      h.call('POST', path(world, `/elections/${test.id}/dismiss`), { token: world.tokens.adminA, json });
    expect((await dismiss({ reason: ' ' })).status).toBe(400);
    const dismissed = await dismiss({ reason: '演练数据' });
    expect(dismissed.body.items.find((x: { id: string }) => x.id === test.id)).toMatchObject({
      status: 'dismissed',
      dismissReason: '演练数据',
    });
    const actions = (
      await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit`, { token: world.tokens.adminA })
    ).body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'governance.election_reported',
        'governance.election_applied',
        'governance.election_dismissed',
      ]),
    );
  });

  it('fails the delivery of a payload that is no result, keeping nothing', async () => {
    const { h, world } = current;
    await report(h, world, 'voting', { meetingId: 'm-3', elected: 'everyone' });
    expect((await elections(h, world)).body.items).toEqual([]);
    const [delivery] = await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.select().from(schema.pluginDeliveries).where(eq(schema.pluginDeliveries.pluginId, 'core')),
    );
    expect(delivery).toMatchObject({ status: 'pending', attempts: 1 });
    expect(delivery!.lastError).toContain('not an election result');
  });

  it('never shows one neighbourhood’s results to another, nor lets it take them', async () => {
    const { h, world } = current;
    await report(h, world, 'voting', elected(h));
    const [election] = (await elections(h, world)).body.items;
    const other = `/api/v1/t/${world.tenantB.slug}/governance`;
    expect((await h.call('GET', `${other}/elections`, { token: world.tokens.adminB })).body.items).toEqual([]);
    const taken = await h.call('POST', `${other}/elections/${election.id}/dismiss`, {
      token: world.tokens.adminB,
      json: { reason: '越权' },
    });
    expect(taken.status).toBe(404);
    expect((await h.call('GET', path(world, '/elections'), { token: world.tokens.residentA })).status).toBe(403);
  });
});

describe('交叉任职', () => {
  it('is recorded by hand on a sitting committee member, cleared with null, and refused elsewhere', async () => {
    const { h, world } = current;
    const seats = `/api/v1/t/${world.tenantA.slug}/committee-members`;
    const seat = async (body: string, userId: string) =>
      (
        await h.call('POST', seats, {
          token: world.tokens.adminA,
          json: { body, userId, position: 'member', joinedOn: today(h) },
        })
      ).body;
    const member = await seat('committee', world.users.committeeA.id);
    const supervisor = await seat('supervisory', world.users.residentA.id);
    expect(member.partyPost).toBeNull();
    const record = (id: string, partyPost: string | null, token = world.tokens.adminA) =>
      h.call('PUT', `${seats}/${id}/cross-appointment`, { token, json: { partyPost } });
    expect((await record(member.id, '小区党支部书记')).body).toMatchObject({ partyPost: '小区党支部书记' });
    expect((await h.call('GET', seats, { token: world.tokens.residentA })).body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: member.id, partyPost: '小区党支部书记' })]),
    );
    expect((await record(member.id, null)).body.partyPost).toBeNull();
    expect((await record(supervisor.id, '党员')).status).toBe(409);
    expect((await record(member.id, '书记', world.tokens.committeeA)).status).toBe(403);
    expect((await record(member.id, ' ')).status).toBe(400);
  });
});

describe('deadline reminders', () => {
  const waiting = (h: TestApp, world: World) =>
    withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx
        .select({ key: schema.notificationCauses.key, notBefore: schema.notificationCauses.notBefore })
        .from(schema.notificationCauses)
        .where(eq(schema.notificationCauses.status, 'pending')),
    );
  const inbox = async (h: TestApp, token: string | undefined) => {
    await h.services.notifier.dispatch(current.world.tenantA.id);
    return (await h.call('GET', '/api/v1/me/notifications', { token })).body.items as { title: string }[];
  };

  it('reminds the admins before the first meeting is due, and withdraws the reminders once it is held', async () => {
    const { h, world } = current;
    await form(h, world, lawful);
    const due = addDays(today(h), 90);
    const keys = (await waiting(h, world)).filter((c) => c.key.includes('first-meeting'));
    expect(keys.map((c) => c.key.split(':').at(-1)).sort()).toEqual(['30', '7', 'overdue']);
    expect(keys.find((c) => c.key.endsWith(':7'))!.notBefore!.toISOString()).toBe(`${addDays(due, -7)}T01:00:00.000Z`);
    await h.call('POST', path(world, '/preparatory-group/first-meeting'), {
      token: world.tokens.adminA,
      json: { heldOn: today(h) },
    });
    expect((await waiting(h, world)).filter((c) => c.key.includes('first-meeting'))).toEqual([]);
  });

  it('tells the admins and the committee at once that a term recorded late is overdue to file; its end withdraws the term-end reminders', async () => {
    const { h, world } = current;
    const elected = addDays(today(h), -40);
    await h.call('POST', path(world, '/terms'), {
      token: world.tokens.adminA,
      json: { electedOn: elected, startsOn: elected, endsOn: addDays(elected, 365 * 3), seats: 5 },
    });
    const titles = (await inbox(h, world.tokens.committeeA)).map((n) => n.title);
    expect(titles).toContain('业主委员会备案已逾期');
    // The reminders before the deadline were due in the past and are not sent late; the overdue one went at once.
    expect((await waiting(h, world)).filter((c) => c.key.includes(':filing:'))).toEqual([]);
    expect((await inbox(h, world.tokens.residentA)).map((n) => n.title)).not.toContain('业主委员会备案已逾期');
    // Term-end reminders wait for their day; ending the term withdraws them.
    expect((await waiting(h, world)).filter((c) => c.key.includes(':term-end:')).length).toBe(4);
    await h.call('POST', path(world, '/terms/current/end'), {
      token: world.tokens.adminA,
      json: { endedOn: today(h) },
    });
    expect((await waiting(h, world)).filter((c) => c.key.includes(':term-end:'))).toEqual([]);
  });

  it('withdraws the 备案 reminders when the term is filed in time', async () => {
    const { h, world } = current;
    await h.call('POST', path(world, '/terms'), {
      token: world.tokens.adminA,
      json: { electedOn: today(h), startsOn: today(h), endsOn: addDays(today(h), 365 * 5), seats: 7 },
    });
    expect((await waiting(h, world)).filter((c) => c.key.includes(':filing:')).length).toBe(3);
    await h.call('POST', path(world, '/terms/current/filing'), {
      token: world.tokens.adminA,
      json: { filedOn: today(h) },
    });
    expect((await waiting(h, world)).filter((c) => c.key.includes(':filing:'))).toEqual([]);
  });
});

describe('the filing’s papers', () => {
  it('keeps the current term’s 备案 receipt and certificates with its filing, for every member to open', async () => {
    const { h, world } = current;
    const pdf = new Uint8Array(1_200_000);
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    const upload = (body: Uint8Array, token = world.tokens.adminA, name = '备案回执.pdf') =>
      h.call('POST', path(world, `/terms/current/documents?name=${encodeURIComponent(name)}`), {
        token,
        body,
        headers: { 'content-type': 'application/pdf' },
      });
    expect((await upload(pdf)).status).toBe(404);
    await h.call('POST', path(world, '/terms'), {
      token: world.tokens.adminA,
      json: { electedOn: today(h), startsOn: today(h), endsOn: addDays(today(h), 365 * 5), seats: 5 },
    });
    const added = await upload(pdf);
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: '备案回执.pdf', size: 1_200_000 });
    expect((await upload(new TextEncoder().encode('<html>'))).body.code).toBe('document_invalid');
    expect((await upload(pdf, world.tokens.committeeA)).status).toBe(403);

    const { term } = (await h.call('GET', path(world), { token: world.tokens.residentA })).body;
    expect(term.documents).toEqual([expect.objectContaining({ id: added.body.id, name: '备案回执.pdf' })]);
    const download = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/ledger/documents/${added.body.id}`, {
      token: world.tokens.residentA,
    });
    expect(download.raw.byteLength).toBe(1_200_000);
  });
});
