import { schema } from '@city/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plugins } from '../plugins.ts';
import { createTestApp, type TestApp } from '@city/testing';
import { DEMO_ACCOUNTS } from './accounts.ts';
import { seedDemo } from './seed.ts';

// The demo has fixed slugs and phone numbers, so it seeds only an empty database: the embedded one, as `npm start`
// does (the shared Postgres of the other projects keeps every test's rows).
const embedded = process.env.TEST_DATABASE === 'pglite';

let h: TestApp;
const tokens: Partial<Record<keyof typeof DEMO_ACCOUNTS, string>> = {};
const as = (who: keyof typeof DEMO_ACCOUNTS, method: string, path: string) =>
  h.call(method, path, { token: tokens[who] });
const voting = '/api/v1/t/jinse-jiayuan/p/voting';

beforeAll(async () => {
  if (!embedded) return;
  h = await createTestApp({ plugins });
  expect(await seedDemo(h.services)).toBe(true);
  for (const who of ['residentA', 'committeeA', 'streetStaff', 'streetDepartment', 'vendorStaff'] as const) {
    const [user] = await h.services.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.phone, DEMO_ACCOUNTS[who].phone));
    tokens[who] = (await h.services.sessions.create(user!.id, 'vitest')).token;
  }
});
afterAll(() => h?.close());

/** `npm start` shows what the product does: the demo's votes are real, counted and checkable. */
describe.runIf(embedded)('demo data: 议事与表决 in 金色家园', () => {
  it('has topics and two open meetings whose ballot chains verify', async () => {
    expect((await as('residentA', 'GET', `${voting}/topics`)).body.items).toHaveLength(3);
    const { items } = (await as('residentA', 'GET', `${voting}/meetings`)).body;
    expect(items.map((m: { status: string }) => m.status)).toEqual(['open', 'open']);
    // By the clock, the second one's voting period is over; each opened after its notice period.
    expect(items.map((m: { phase: string }) => m.phase)).toEqual(['open', 'ended']);
    for (const m of items) expect(Date.parse(m.opensAt)).toBeGreaterThanOrEqual(Date.parse(m.earliestOpening));
    for (const m of items)
      expect((await as('residentA', 'GET', `${voting}/meetings/${m.id}/chain`)).body).toMatchObject({ ok: true });
  });

  it('lets the verified owner vote in the running meeting, and the committee count the one whose period has ended', async () => {
    const [running, ended] = (await as('residentA', 'GET', `${voting}/meetings`)).body.items;
    expect((await as('residentA', 'GET', `${voting}/meetings/${running.id}/mine`)).body).toMatchObject({
      canVote: true,
      items: [{ ballot: null }],
    });
    const closed = await as('committeeA', 'POST', `${voting}/meetings/${ended.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.motions.map((m: { result: { quorumMet: boolean } }) => m.result.quorumMet)).toEqual([
      true,
      true,
    ]);
    expect(
      (await as('streetStaff', 'GET', `/api/v1/supervision/neighbourhoods/jinse-jiayuan/p/voting/meetings`)).body.items,
    ).toHaveLength(2);
  });
});

describe.runIf(embedded)('demo data: 生活服务 in 金色家园', () => {
  it("shows the demo vendor's services to the verified owner, who can book one the vendor's staff then sees", async () => {
    const services = '/api/v1/t/jinse-jiayuan/p/services';
    const { items } = (await as('residentA', 'GET', `${services}/offerings`)).body;
    expect(items.map((o: { vendorName: string }) => o.vendorName)).toEqual(Array(4).fill('安心到家服务站'));
    const detail = (await as('residentA', 'GET', `${services}/offerings/${items[0].id}`)).body;
    expect(detail.vendor.servicePoint).toMatchObject({ hours: '每天 8:00–20:00' });
    const order = await h.call('POST', `${services}/orders`, {
      token: tokens.residentA,
      json: {
        offeringId: items[0].id,
        slotId: detail.slots[0].id,
        unitId: detail.homes[0].unitId,
        contactPhone: '13900000014',
      },
    });
    expect(order.status).toBe(201);
    const [organisation] = (await as('vendorStaff', 'GET', '/api/v1/organisations')).body.items;
    const inbox = (await as('vendorStaff', 'GET', `/api/v1/o/${organisation.id}/p/services/orders`)).body.items;
    expect(inbox.map((o: { id: string }) => o.id)).toEqual([order.body.id]);
  });
});

describe.runIf(embedded)('demo data: 码上提 in the street’s 城管科', () => {
  it('has a report of 金色家园 in the department’s queue, which its member may answer', async () => {
    const { departments } = (await as('streetDepartment', 'GET', '/api/v1/supervision/departments')).body;
    expect(departments).toEqual([expect.objectContaining({ name: '城管科', street: '璧城街道' })]);
    const queue = (await as('streetDepartment', 'GET', `/api/v1/supervision/departments/${departments[0].id}/feedback`))
      .body.items;
    expect(queue).toEqual([
      expect.objectContaining({
        status: 'assigned',
        neighbourhood: expect.objectContaining({ slug: 'jinse-jiayuan' }),
      }),
    ]);
    expect(queue[0].actions).toContain('answer');
  });
});

describe.runIf(embedded)('demo data: 智慧党建 in 金色家园', () => {
  it('has a branch with two groups, a lead for every building and four members, one showing the badge', async () => {
    const party = '/api/v1/t/jinse-jiayuan/p/party';
    const branch = (await as('committeeA', 'GET', `${party}/branch`)).body;
    expect(branch.branch).toMatchObject({ name: '金色家园小区党支部' });
    expect(branch.groups.map((g: { name: string }) => g.name)).toEqual(['第一党小组', '第二党小组']);
    expect(new Set(branch.leaders.map((l: { buildingId: string }) => l.buildingId)).size).toBe(branch.buildings.length);
    expect(branch.counts).toEqual({ pending: 0, confirmed: 4 });
    const members = (await as('committeeA', 'GET', `${party}/branch/members`)).body.items;
    expect(members.filter((m: { showBadge: boolean }) => m.showBadge)).toHaveLength(1);
    // 孙丽 lives in 1栋, whose lead she reaches from her own page.
    const overview = (await as('residentA', 'GET', `${party}/overview`)).body;
    expect(overview.places[0].leaders).toEqual([expect.objectContaining({ kind: 'building' })]);
    // The year's assessment adds up what the members earned; one fulfilment waits for the branch.
    const assessment = (await as('committeeA', 'GET', `${party}/branch/assessment`)).body;
    expect(assessment.members).toHaveLength(4);
    expect(assessment.total).toBe(4 * (3 + 2) + 5);
    const waiting = (await as('committeeA', 'GET', `${party}/branch/commitments?status=claimed`)).body.items;
    expect(waiting).toHaveLength(1);
    // 东林社区党委 and 璧城街道党工委 above it: shown to residents, and the 街道 sees the branch's figures.
    expect(overview.branch.above.map((c: { name: string }) => c.name)).toEqual(['东林社区党委', '璧城街道党工委']);
    const [street] = (await as('streetStaff', 'GET', '/api/v1/me')).body.regions;
    const figures = (await as('streetStaff', 'GET', `/api/v1/r/${street.id}/p/party/overview`)).body;
    expect(figures.branches).toEqual([
      expect.objectContaining({ neighbourhood: '金色家园', confirmed: 4, activitiesHeld: 1, dutiesDone: 2 }),
    ]);
  });
});

describe.runIf(embedded)('demo data: 金色家园’s public revenue', () => {
  const ledger = '/api/v1/t/jinse-jiayuan/ledger';

  it('has its two bodies seated, three months of income, a statement on 公示 and an expense awaiting signatures', async () => {
    const seats = (await as('residentA', 'GET', '/api/v1/t/jinse-jiayuan/committee-members')).body.items;
    expect(seats.map((s: { name: string; body: string }) => `${s.body}:${s.name}`).sort()).toEqual([
      'committee:周建华',
      'committee:赵志强',
      'supervisory:孙丽',
    ]);
    expect(seats.find((s: { name: string }) => s.name === '赵志强').partyPost).toBe('小区党支部书记');
    const { term } = (await as('residentA', 'GET', '/api/v1/t/jinse-jiayuan/governance')).body;
    expect(term).toMatchObject({ seats: 5, seated: 2, vacancies: 3, filingOverdue: false });
    expect(term.filedOn).not.toBeNull();
    const periods = (await as('residentA', 'GET', `${ledger}/periods`)).body.items;
    expect(
      periods.map((p: { closedAt: string | null; reviewedAt: string | null }) => [!!p.closedAt, !!p.reviewedAt]),
    ).toEqual([
      [false, false],
      [true, false],
      [true, true],
    ]);
    const waiting = (await as('residentA', 'GET', `${ledger}/expenses?status=proposed`)).body.items;
    expect(waiting).toEqual([expect.objectContaining({ title: '采购小区公共区域灭火器', approvals: 0 })]);
    const statement = (await as('residentA', 'GET', `${ledger}/statement`)).body;
    expect(statement.trialBalance.debitFen).toBe(statement.trialBalance.creditFen);
    const board = (await as('residentA', 'GET', '/api/v1/t/jinse-jiayuan/notices')).body.items;
    expect(board.map((n: { title: string }) => n.title)).toEqual(
      expect.arrayContaining([expect.stringContaining('公共收益报表公示')]),
    );
  });

  it('gives the verified owner her share of the distribution', async () => {
    const mine = (await as('residentA', 'GET', `${ledger}/my-dividends`)).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0].fen).toBeGreaterThan(0);
  });
});
