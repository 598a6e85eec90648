import { beijingDate } from '@city/core';
import { databaseRefusal, schema, seedRegistry, type TestApp, useWorld, withTenant, type World } from '@city/testing';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

interface Account {
  id: string;
  code: string;
  purpose: string | null;
  balanceFen: number;
}

/**
 * The committee: 委员 committeeA and staffA (two approvals needed by default); the supervisory committee: residentA.
 * adminA keeps the books and proposes. A registry of three owners, residentA verified as one of them.
 */
async function withBodies(h: TestApp, world: World) {
  const seat = async (persona: 'committeeA' | 'staffA' | 'residentA', body: 'committee' | 'supervisory') => {
    const res = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/committee-members`, {
      token: world.tokens.adminA,
      json: { body, userId: world.users[persona].id, position: 'member', joinedOn: '2026-01-01' },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  await seat('committeeA', 'committee');
  await seat('staffA', 'committee');
  const supervisorSeat = await seat('residentA', 'supervisory');
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { wang: '王建国', li: '李秀英', zhao: '赵敏' },
    units: [
      { room: '101', area: 10_000, owners: ['wang'] },
      { room: '102', area: 10_000, owners: ['wang'] },
      { room: '201', area: 9_000, owners: ['li'] },
      { room: '301', area: 11_000, owners: ['zhao'] },
    ],
    verified: { li: world.users.residentA.id },
  });
  return { supervisorSeat };
}

const current = useWorld({ setUp: withBodies });

const url = (world: World, rest: string, slug = world.tenantA.slug) => `/api/v1/t/${slug}/ledger${rest}`;
const today = (h: TestApp) => beijingDate(h.clock.now());
const head = (raw: ArrayBuffer) => new TextDecoder().decode(raw.slice(0, 4));

async function accounts(h: TestApp, world: World, token = world.tokens.adminA) {
  const res = await h.call('GET', url(world, '/accounts'), { token });
  expect(res.status).toBe(200);
  const items = res.body.items as Account[];
  return { items, by: (purpose: string) => items.find((a) => a.purpose === purpose)! };
}

async function income(h: TestApp, world: World, amountFen: number, occurredOn = today(h)) {
  const { by } = await accounts(h, world);
  return h.call('POST', url(world, '/income'), {
    token: world.tokens.adminA,
    json: {
      occurredOn,
      memo: '11月停车费',
      amountFen,
      incomeAccountId: by('parking').id,
      depositAccountId: by('bank').id,
    },
  });
}

async function propose(h: TestApp, world: World, amountFen: number) {
  const { by } = await accounts(h, world);
  const res = await h.call('POST', url(world, '/expenses'), {
    token: world.tokens.adminA,
    json: {
      title: '更换3栋单元门禁',
      payee: '璧山安防公司',
      reason: '门禁损坏，业主多次反映',
      amountFen,
      expenseAccountId: by('repairs').id,
    },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string; countersignNeeded: number };
}

const sign = (h: TestApp, world: World, token: string | undefined, id: string, json: object) =>
  h.call('POST', url(world, `/expenses/${id}/signatures`), { token, json });

describe('the public-revenue ledger', () => {
  it('opens every neighbourhood with the default chart, readable by every member', async () => {
    const { h, world } = current;
    const { items } = await accounts(h, world, world.tokens.residentA);
    expect(items.map((a) => a.code)).toEqual([
      '1001',
      '1002',
      '2201',
      '2241',
      '3001',
      '4001',
      '4002',
      '4003',
      '4099',
      '5001',
      '5002',
      '5003',
      '5004',
      '5005',
    ]);
    expect(items.every((a) => a.balanceFen === 0)).toBe(true);
  });

  it('records income in balance and shows it in the three statements', async () => {
    const { h, world } = current;
    const res = await income(h, world, 1_250_000);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 1, kind: 'income', memo: '11月停车费' });
    expect(res.body.lines).toEqual([
      expect.objectContaining({ purpose: 'bank', debitFen: 1_250_000, creditFen: 0 }),
      expect.objectContaining({ purpose: 'parking', debitFen: 0, creditFen: 1_250_000 }),
    ]);
    const { by } = await accounts(h, world);
    expect(by('bank').balanceFen).toBe(1_250_000);
    expect(by('parking').balanceFen).toBe(1_250_000);

    const month = today(h).slice(0, 7);
    const statement = await h.call('GET', url(world, `/statement?from=${month}&to=${month}`), {
      token: world.tokens.residentA,
    });
    expect(statement.status).toBe(200);
    expect(statement.body.trialBalance).toMatchObject({ debitFen: 1_250_000, creditFen: 1_250_000 });
    expect(statement.body.income).toMatchObject({ incomeFen: 1_250_000, expenseFen: 0, netFen: 1_250_000 });
    // Without months: the year so far.
    const yearSoFar = await h.call('GET', url(world, '/statement'), { token: world.tokens.residentA });
    expect(yearSoFar.body).toMatchObject({ from: `${month.slice(0, 4)}-01`, to: month });
    expect(yearSoFar.body.income.incomeFen).toBe(1_250_000);
    expect(statement.body.balanceSheet).toMatchObject({
      assetsFen: 1_250_000,
      retainedFen: 1_250_000,
      liabilitiesAndEquityFen: 1_250_000,
    });
  });

  it('refuses an entry that does not balance, a line on both sides and another neighbourhood’s account; nothing is posted', async () => {
    const { h, world } = current;
    const { by } = await accounts(h, world);
    const entry = (lines: object[]) =>
      h.call('POST', url(world, '/entries'), {
        token: world.tokens.adminA,
        json: { occurredOn: today(h), memo: '调整', lines },
      });
    const unbalanced = await entry([
      { accountId: by('cash').id, debitFen: 100 },
      { accountId: by('bank').id, creditFen: 99 },
    ]);
    expect(unbalanced.status).toBe(400);
    expect(unbalanced.body).toMatchObject({ code: 'ledger_unbalanced', title: expect.stringContaining('借贷不平衡') });
    const bothSides = await entry([
      { accountId: by('cash').id, debitFen: 100, creditFen: 100 },
      { accountId: by('bank').id, creditFen: 0, debitFen: 0 },
    ]);
    expect(bothSides.status).toBe(400);
    expect(bothSides.body.errors[0]).toMatchObject({ code: 'line_one_side' });
    const theirs = await accounts(h, world, world.tokens.adminB).catch(() => null);
    expect(theirs).toBeNull(); // B's admin is no member of A
    const otherChart = await h.call('GET', url(world, '/accounts', world.tenantB.slug), { token: world.tokens.adminB });
    const foreign = await entry([
      { accountId: by('cash').id, debitFen: 100 },
      { accountId: (otherChart.body.items as Account[])[1]!.id, creditFen: 100 },
    ]);
    expect(foreign.status).toBe(400);
    const list = await h.call('GET', url(world, '/entries'), { token: world.tokens.adminA });
    expect(list.body.items).toEqual([]);

    const balanced = await entry([
      { accountId: by('cash').id, debitFen: 100 },
      { accountId: by('bank').id, creditFen: 100 },
    ]);
    expect(balanced.status).toBe(201);
  });

  it('corrects an entry only by reversing it, once', async () => {
    const { h, world } = current;
    const posted = await income(h, world, 8_800);
    const reverse = () =>
      h.call('POST', url(world, `/entries/${posted.body.id}/reversal`), {
        token: world.tokens.adminA,
        json: { occurredOn: today(h), memo: '金额录错，冲销' },
      });
    const reversal = await reverse();
    expect(reversal.status).toBe(201);
    expect(reversal.body).toMatchObject({ kind: 'reversal', reversesId: posted.body.id, number: 2 });
    expect((await reverse()).body).toMatchObject({ code: 'ledger_already_reversed' });
    const original = await h.call('GET', url(world, `/entries/${posted.body.id}`), { token: world.tokens.residentA });
    expect(original.body.reversedById).toBe(reversal.body.id);
    const { by } = await accounts(h, world);
    expect(by('bank').balanceFen).toBe(0);
    expect(by('parking').balanceFen).toBe(0);
  });

  it('pays an expense only after two committee members other than the proposer approve and the supervisors countersign', async () => {
    const { h, world } = current;
    const t = world.tokens;
    await income(h, world, 2_000_000);
    const expense = await propose(h, world, 800_000); // 8,000 元: above the 5,000 元 countersignature threshold
    expect(expense).toMatchObject({ status: 'proposed', countersignNeeded: 1 });

    expect((await sign(h, world, t.adminA, expense.id, { decision: 'approve' })).body).toMatchObject({
      code: 'not_a_signer',
    });
    expect((await sign(h, world, t.residentA, expense.id, { decision: 'approve' })).status).toBe(403);
    const pay = () =>
      h.call('POST', url(world, `/expenses/${expense.id}/payment`), {
        token: t.adminA,
        json: { occurredOn: today(h), payAccountId: expense.id },
      });
    expect((await pay()).body).toMatchObject({ code: 'expense_not_open' });

    expect((await sign(h, world, t.committeeA, expense.id, { decision: 'approve' })).body).toMatchObject({
      status: 'proposed',
      approvals: 1,
    });
    // Signing twice changes nothing.
    expect((await sign(h, world, t.committeeA, expense.id, { decision: 'approve' })).body).toMatchObject({
      approvals: 1,
    });
    expect((await sign(h, world, t.staffA, expense.id, { decision: 'approve' })).body).toMatchObject({
      status: 'proposed',
      approvals: 2,
      countersigns: 0,
    });
    const countersigned = await sign(h, world, t.residentA, expense.id, { decision: 'countersign', note: '合同已核' });
    expect(countersigned.body).toMatchObject({ status: 'approved', countersigns: 1 });
    expect(countersigned.body.signatures.map((s: { body: string }) => s.body)).toEqual([
      'committee',
      'committee',
      'supervisory',
    ]);

    const { by } = await accounts(h, world);
    const paid = await h.call('POST', url(world, `/expenses/${expense.id}/payment`), {
      token: t.adminA,
      json: { occurredOn: today(h), payAccountId: by('bank').id },
    });
    expect(paid.body).toMatchObject({ status: 'paid', entryId: expect.any(String) });
    const after = await accounts(h, world);
    expect(after.by('repairs').balanceFen).toBe(800_000);
    expect(after.by('bank').balanceFen).toBe(1_200_000);
  });

  it('lets the proposer not approve their own expense, and one refusal rejects it', async () => {
    const { h, world } = current;
    const expense = await propose(h, world, 30_000);
    expect(expense.countersignNeeded).toBe(0);
    // committeeA proposes this time (a treasurer by role) and may not approve it.
    const { by } = await accounts(h, world);
    const own = await h.call('POST', url(world, '/expenses'), {
      token: world.tokens.committeeA,
      json: {
        title: '打印公示材料',
        payee: '文印店',
        reason: '公示需要',
        amountFen: 5_000,
        expenseAccountId: by('office').id,
      },
    });
    expect((await sign(h, world, world.tokens.committeeA, own.body.id, { decision: 'approve' })).body).toMatchObject({
      code: 'expense_own_proposal',
    });

    const refused = await sign(h, world, world.tokens.staffA, expense.id, { decision: 'reject' });
    expect(refused.status).toBe(400); // a refusal needs its reason
    expect(
      (await sign(h, world, world.tokens.staffA, expense.id, { decision: 'reject', note: '报价过高，请再询价' })).body,
    ).toMatchObject({ status: 'rejected' });
    expect((await sign(h, world, world.tokens.committeeA, expense.id, { decision: 'approve' })).body).toMatchObject({
      code: 'expense_not_open',
    });
  });

  it('counts two approvals sent at once exactly once each, and pays an expense once when two payments race', async () => {
    const { h, world } = current;
    const t = world.tokens;
    await income(h, world, 100_000);
    const expense = await propose(h, world, 20_000);
    const [a, b] = await Promise.all([
      sign(h, world, t.committeeA, expense.id, { decision: 'approve' }),
      sign(h, world, t.staffA, expense.id, { decision: 'approve' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const approved = await h.call('GET', url(world, `/expenses/${expense.id}`), { token: t.residentA });
    expect(approved.body).toMatchObject({ status: 'approved', approvals: 2 });

    const { by } = await accounts(h, world);
    const payments = await Promise.all(
      [1, 2].map(() =>
        h.call('POST', url(world, `/expenses/${expense.id}/payment`), {
          token: t.adminA,
          json: { occurredOn: today(h), payAccountId: by('bank').id },
        }),
      ),
    );
    expect(payments.map((p) => p.status).sort()).toEqual([200, 409]);
    const entries = await h.call('GET', url(world, '/entries'), { token: t.adminA });
    expect(entries.body.items.filter((e: { expenseId: string | null }) => e.expenseId === expense.id)).toHaveLength(1);
    expect((await accounts(h, world)).by('bank').balanceFen).toBe(80_000);
  });

  it('closes a month for good; the supervisory committee signs off its books', async () => {
    const { h, world } = current;
    const month = today(h).slice(0, 7);
    await income(h, world, 5_000);
    const review = (token: string | undefined) =>
      h.call('POST', url(world, `/periods/${month}/review`), { token, json: { note: '收支与凭证相符' } });
    expect((await review(world.tokens.residentA)).status).toBe(409); // not closed yet
    const closed = await h.call('POST', url(world, `/periods/${month}/close`), { token: world.tokens.adminA });
    expect(closed.body).toMatchObject({ period: month, entries: 1, incomeFen: 5_000, closedAt: expect.any(String) });
    const late = await income(h, world, 1_000);
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ code: 'ledger_period_closed' });
    expect((await review(world.tokens.committeeA)).body).toMatchObject({ code: 'not_a_signer' });
    expect((await review(world.tokens.residentA)).body).toMatchObject({
      reviewNote: '收支与凭证相符',
      reviewedByName: world.users.residentA.displayName,
    });
    // An entry dated in the next month still posts.
    const next = new Date(`${month}-01T00:00:00Z`);
    next.setUTCMonth(next.getUTCMonth() + 1);
    expect((await income(h, world, 1_000, next.toISOString().slice(0, 10))).status).toBe(201);
  });

  it('shares a dividend by exclusive area to the fen; each owner sees their own share; shares are paid once', async () => {
    const { h, world } = current;
    const declared = await h.call('POST', url(world, '/dividends'), {
      token: world.tokens.adminA,
      json: { title: '2026年度公共收益分红', totalFen: 100_000, declaredOn: today(h) },
    });
    expect(declared.status).toBe(201);
    // 王建国 holds 101 and 102 (one counting owner, 200 m²), 李秀英 90 m², 赵敏 110 m²: 400 m² in all.
    expect(declared.body).toMatchObject({ totalFen: 100_000, totalArea: 40_000, owners: 3, paidOwners: 0 });
    const shares = await h.call('GET', url(world, `/dividends/${declared.body.id}/shares`), {
      token: world.tokens.adminA,
    });
    const byName = Object.fromEntries(
      (shares.body.items as { ownerNames: string[]; fen: number; ownerKey: string }[]).map((s) => [s.ownerNames[0], s]),
    );
    expect([byName['王建国']!.fen, byName['李秀英']!.fen, byName['赵敏']!.fen]).toEqual([50_000, 22_500, 27_500]);
    // Residents see their own share, not the list.
    expect(
      (await h.call('GET', url(world, `/dividends/${declared.body.id}/shares`), { token: world.tokens.residentA }))
        .status,
    ).toBe(403);
    const mine = await h.call('GET', url(world, '/my-dividends'), { token: world.tokens.residentA });
    expect(mine.body.items).toEqual([
      expect.objectContaining({ title: '2026年度公共收益分红', fen: 22_500, area: 9_000, paidAt: null }),
    ]);

    const { by } = await accounts(h, world);
    expect(by('dividends_payable').balanceFen).toBe(100_000);
    const pay = () =>
      h.call('POST', url(world, `/dividends/${declared.body.id}/payments`), {
        token: world.tokens.adminA,
        json: { ownerKeys: [byName['李秀英']!.ownerKey], occurredOn: today(h), payAccountId: by('bank').id },
      });
    // Sent twice at once, and once more: paid once.
    await Promise.all([pay(), pay()]);
    expect((await pay()).body).toMatchObject({ paidOwners: 1, paidFen: 22_500 });
    expect((await accounts(h, world)).by('dividends_payable').balanceFen).toBe(77_500);
    expect((await accounts(h, world)).by('bank').balanceFen).toBe(-22_500);
    const paid = await h.call('GET', url(world, '/my-dividends'), { token: world.tokens.residentA });
    expect(paid.body.items[0].paidAt).toEqual(expect.any(String));
  });

  it('keeps the committee’s seats: who sits where, who left and why', async () => {
    const { h, world, prepared } = current;
    const path = `/api/v1/t/${world.tenantA.slug}/committee-members`;
    const twice = await h.call('POST', path, {
      token: world.tokens.adminA,
      json: { body: 'supervisory', userId: world.users.residentA.id, joinedOn: '2026-02-01' },
    });
    expect(twice.status).toBe(409);
    const left = await h.call('POST', `${path}/${prepared.supervisorSeat}/leave`, {
      token: world.tokens.adminA,
      json: { leftOn: '2026-06-30', reason: 'resigned' },
    });
    expect(left.body).toMatchObject({ leftOn: '2026-06-30', leftReason: 'resigned' });
    const list = await h.call('GET', path, { token: world.tokens.residentA });
    expect(list.body.items).toHaveLength(3);
    // Having left, she no longer signs.
    const month = today(h).slice(0, 7);
    await h.call('POST', url(world, `/periods/${month}/close`), { token: world.tokens.adminA });
    const review = await h.call('POST', url(world, `/periods/${month}/review`), {
      token: world.tokens.residentA,
      json: {},
    });
    expect(review.body).toMatchObject({ code: 'not_a_signer' });
  });

  it('is kept by the database too: lines balance per statement, posted entries are never changed or removed', async () => {
    const { h, world } = current;
    const posted = await income(h, world, 4_200);
    const { by } = await accounts(h, world);
    const db = h.services.db;
    const tenantId = world.tenantA.id;
    const l = schema.ledgerLines;
    const e = schema.ledgerEntries;
    await income(h, world, 300, '2020-01-15');
    // The monthly balances the statements read are the lines' sums, account by account and month by month.
    const sums = (table: 'ledger_lines' | 'ledger_balances') =>
      withTenant(db, tenantId, async (tx) =>
        (
          await tx.execute<{ account_id: string; period: string; sum: string }>(
            sql`select account_id, period, sum(amount_fen)::text as sum from ${sql.identifier(table)}
                group by account_id, period order by account_id, period`,
          )
        ).rows.filter((r) => r.sum !== '0'),
      );
    expect(await sums('ledger_balances')).toEqual(await sums('ledger_lines'));
    expect(await sums('ledger_lines')).toHaveLength(4); // bank and parking, in two months
    const edit = await databaseRefusal(
      withTenant(db, tenantId, (tx) => tx.update(l).set({ amountFen: 1 }).where(eq(l.entryId, posted.body.id))),
    );
    expect(edit.code).toBe('42501'); // insufficient privilege
    const removal = await databaseRefusal(
      withTenant(db, tenantId, (tx) => tx.delete(e).where(eq(e.id, posted.body.id))),
    );
    expect(removal.code).toBe('42501');

    const unbalanced = await databaseRefusal(
      withTenant(db, tenantId, async (tx) => {
        const [entry] = await tx
          .insert(e)
          .values({
            tenantId,
            number: 999,
            occurredOn: '2026-12-01',
            period: '2026-12',
            kind: 'other',
            memo: '绕过应用',
            postedBy: world.users.adminA.id,
          })
          .returning();
        await tx.insert(l).values([
          { tenantId, entryId: entry!.id, line: 1, period: '2026-12', accountId: by('cash').id, amountFen: 100 },
          { tenantId, entryId: entry!.id, line: 2, period: '2026-12', accountId: by('bank').id, amountFen: -99 },
        ]);
      }),
    );
    expect(unbalanced).toMatchObject({ code: '23514', message: expect.stringContaining('does not balance') });
    const bare = await databaseRefusal(
      withTenant(db, tenantId, (tx) =>
        tx.insert(e).values({
          tenantId,
          number: 998,
          occurredOn: '2026-12-01',
          period: '2026-12',
          kind: 'other',
          memo: '没有分录行',
          postedBy: world.users.adminA.id,
        }),
      ),
    );
    expect(bare).toMatchObject({ code: '23514', message: expect.stringContaining('has no lines') });
  });

  it('prints the statements as a PDF and a spreadsheet, and publishes closed months to 公示', async () => {
    const { h, world } = current;
    const month = today(h).slice(0, 7);
    await income(h, world, 660_000);
    const pdf = await h.call('GET', url(world, `/statement/export?from=${month}&to=${month}&format=pdf`), {
      token: world.tokens.residentA,
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(head(pdf.raw)).toBe('%PDF');
    const xlsx = await h.call('GET', url(world, `/statement/export?format=xlsx`), { token: world.tokens.residentA });
    expect(xlsx.headers.get('content-disposition')).toContain(encodeURIComponent('公共收益报表'));
    expect(head(xlsx.raw).slice(0, 2)).toBe('PK');

    const publish = () =>
      h.call('POST', url(world, '/statements'), { token: world.tokens.adminA, json: { from: month, to: month } });
    const early = await publish();
    expect(early.status).toBe(409);
    expect(early.body.detail).toContain(month);
    expect((await publish()).status).toBe(409);
    await h.call('POST', url(world, `/periods/${month}/close`), { token: world.tokens.adminA });
    const published = await publish();
    expect(published.status).toBe(201);
    expect((await h.call('POST', url(world, '/statements'), { token: world.tokens.residentA, json: {} })).status).toBe(
      403,
    );

    const notice = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/notices/${published.body.noticeId}`, {
      token: world.tokens.residentA,
    });
    expect(notice.body).toMatchObject({
      category: 'disclosure',
      state: 'live',
      source: 'ledger',
      title: expect.stringContaining('公共收益报表公示'),
      body: expect.stringContaining('收入合计 6,600.00 元'),
    });
    expect(notice.body.body).toContain('尚待业主监督委员会审核');
    expect(notice.body.attachments.map((a: { url: string }) => new URL(a.url).searchParams.get('format'))).toEqual([
      'pdf',
      'xlsx',
    ]);
    // The attachment is the statement itself, for any member who follows it.
    const attached = new URL(notice.body.attachments[0].url);
    const followed = await h.call('GET', `${attached.pathname}${attached.search}`, { token: world.tokens.residentA });
    expect(head(followed.raw)).toBe('%PDF');
  });

  it('keeps evidence for entries and expenses, and publishes third-party audit reports to 公示', async () => {
    const { h, world } = current;
    const posted = await income(h, world, 12_000);
    // A scanned contract past the 1 MB of ordinary requests.
    const pdf = new Uint8Array(1_500_000);
    pdf.set(new TextEncoder().encode('%PDF-1.7\n'));
    const upload = (path: string, body: Uint8Array, token = world.tokens.adminA) =>
      h.call('POST', url(world, path), { token, body, headers: { 'content-type': 'application/pdf' } });

    const added = await upload(
      `/entries/${posted.body.id}/documents?name=${encodeURIComponent('停车费收据.pdf')}`,
      pdf,
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: '停车费收据.pdf', contentType: 'application/pdf', size: 1_500_000 });
    const html = await upload(`/entries/${posted.body.id}/documents`, new TextEncoder().encode('<html>'));
    expect(html.body).toMatchObject({ code: 'document_invalid' });
    expect((await upload(`/entries/${posted.body.id}/documents`, pdf, world.tokens.residentA)).status).toBe(403);

    const entry = await h.call('GET', url(world, `/entries/${posted.body.id}`), { token: world.tokens.residentA });
    expect(entry.body.documents).toEqual([expect.objectContaining({ id: added.body.id, name: '停车费收据.pdf' })]);
    const download = await h.call('GET', url(world, `/documents/${added.body.id}`), { token: world.tokens.residentA });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(download.raw.byteLength).toBe(1_500_000);

    const expense = await propose(h, world, 50_000);
    expect((await upload(`/expenses/${expense.id}/documents?name=${encodeURIComponent('报价单')}`, pdf)).status).toBe(
      201,
    );
    expect(
      (await h.call('GET', url(world, `/expenses/${expense.id}`), { token: world.tokens.residentA })).body.documents,
    ).toHaveLength(1);

    const report = await upload(`/audit-reports?period=2026&name=${encodeURIComponent('2026年度审计报告')}`, pdf);
    expect(report.status).toBe(201);
    const notice = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/notices/${report.body.noticeId}`, {
      token: world.tokens.residentA,
    });
    expect(notice.body).toMatchObject({ category: 'disclosure', title: '公共收益审计报告公示（2026年度）' });
    expect(new URL(notice.body.attachments[0].url).pathname).toBe(
      `/api/v1/t/${world.tenantA.slug}/ledger/documents/${report.body.id}`,
    );
    const reports = await h.call('GET', url(world, '/audit-reports'), { token: world.tokens.residentA });
    expect(reports.body.items).toEqual([
      expect.objectContaining({ period: '2026', name: '2026年度审计报告', noticeId: report.body.noticeId }),
    ]);
  });
});

describe('a distribution’s shares, paged and found on the server', () => {
  interface Share {
    ownerKey: string;
    ownerNames: string[];
    units: string[];
    fen: number;
    paidAt: string | null;
  }

  /**
   * Two more shares besides the three owners of the fixture: Amy Lin's unit 2栋 A01 (a Latin name to find in any
   * case), and the developer's unsold 2栋 B02; then a distribution among the five.
   */
  async function declared(h: TestApp, world: World) {
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { amy: 'Amy Lin' },
      units: [
        { building: '2栋', room: 'A01', area: 8_000, owners: ['amy'] },
        { building: '2栋', room: 'B02', area: 5_000, saleStatus: 'unsold' },
      ],
    });
    const res = await h.call('POST', url(world, '/dividends'), {
      token: world.tokens.adminA,
      json: { title: '2026年度公共收益分红', totalFen: 100_000, declaredOn: today(h) },
    });
    expect(res.status).toBe(201);
    expect(res.body.owners).toBe(5);
    const shares = (query = '', token = world.tokens.adminA, locale?: 'en') =>
      h.call('GET', url(world, `/dividends/${res.body.id}/shares${query}`), { token, locale });
    return { id: res.body.id as string, shares };
  }

  it('walks every share exactly once, in owner-key order, a page at a time', async () => {
    const { h, world } = current;
    const { shares } = await declared(h, world);
    const seen: Share[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await shares(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // The totals are the filter's, the same on every page.
      expect(res.body).toMatchObject({ total: 5, paidCount: 0, paidFen: 0 });
      seen.push(...(res.body.items as Share[]));
      sizes.push(res.body.items.length);
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    const keys = seen.map((s) => s.ownerKey);
    expect(new Set(keys).size).toBe(5);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    expect(seen.reduce((sum, s) => sum + s.fen, 0)).toBe(100_000);
    // The developer's share has no names, only units.
    expect(seen[0]).toMatchObject({ ownerKey: 'developer', ownerNames: [], units: ['2栋 B02'] });
    expect(seen.find((s) => s.ownerNames[0] === '王建国')!.units).toEqual(['1栋 101', '1栋 102']);

    const whole = await shares();
    expect(whole.body.items.map((s: Share) => s.ownerKey)).toEqual(keys);
    expect(whole.body.nextCursor).toBeNull();
  });

  it('finds shares by an owner’s name or a unit’s address, and by whether they were paid', async () => {
    const { h, world } = current;
    const { id, shares } = await declared(h, world);
    const found = async (query: string) => {
      const res = await shares(query);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { items: Share[]; total: number; paidCount: number; paidFen: number };
    };
    const names = async (query: string) => (await found(query)).items.map((s) => s.ownerNames[0] ?? '');
    expect(await names(`?q=${encodeURIComponent('秀英')}`)).toEqual(['李秀英']);
    expect(await names(`?q=${encodeURIComponent(' amy ')}`)).toEqual(['Amy Lin']);
    // An address as it is shown: building and room, in any case.
    expect(await names(`?q=${encodeURIComponent('2栋 a01')}`)).toEqual(['Amy Lin']);
    expect(await names(`?q=${encodeURIComponent('1栋 10')}`)).toEqual(['王建国']);
    expect(await names(`?q=301`)).toEqual(['赵敏']);
    expect((await found(`?q=${encodeURIComponent('2栋')}`)).total).toBe(2); // Amy Lin and the developer
    // Nothing is a wildcard.
    expect((await found(`?q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await found(`?q=${encodeURIComponent('_')}`)).total).toBe(0);

    const li = (await found(`?q=${encodeURIComponent('李秀英')}`)).items[0]!;
    const { by } = await accounts(h, world);
    const paid = await h.call('POST', url(world, `/dividends/${id}/payments`), {
      token: world.tokens.adminA,
      json: { ownerKeys: [li.ownerKey], occurredOn: today(h), payAccountId: by('bank').id },
    });
    expect(paid.status).toBe(200);

    expect(await found('?status=paid')).toMatchObject({ total: 1, paidCount: 1, paidFen: li.fen });
    expect((await found('?status=paid')).items).toEqual([
      expect.objectContaining({ ownerKey: li.ownerKey, paidAt: expect.any(String) }),
    ]);
    const unpaid = await found('?status=unpaid');
    expect(unpaid).toMatchObject({ total: 4, paidCount: 0, paidFen: 0 });
    expect(unpaid.items.every((s) => s.paidAt === null)).toBe(true);
    expect(await found('')).toMatchObject({ total: 5, paidCount: 1, paidFen: li.fen });
    expect(await found(`?status=paid&q=${encodeURIComponent('王')}`)).toMatchObject({ total: 0, items: [] });
    expect((await shares('?status=owed')).status).toBe(400);
  });

  it('refuses a cursor it did not make, a page over 200 and a long search; another neighbourhood’s is a 404', async () => {
    const { h, world } = current;
    const { id, shares } = await declared(h, world);
    const first = await shares('?limit=1');
    // A cursor of another list (an id's), forged ones, and a share key's with its text changed.
    const anId = btoa(world.users.adminA.id).replace(/=+$/, '');
    const tampered = btoa('owners:not-an-id').replace(/=+$/, '');
    for (const cursor of ['garbage', 'AAAA', 'A', btoa("1' or '1'='1"), '%E4%B8%AD', anId, tampered]) {
      const res = await shares(`?cursor=${cursor}`, world.tokens.adminA, 'en');
      expect(res.status, `${cursor}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.errors).toEqual([
        {
          path: 'query.cursor',
          code: 'cursor_invalid',
          message: 'This page marker is not valid; start again from the first page',
        },
      ]);
    }
    const zh = await shares('?cursor=garbage');
    expect(zh.headers.get('content-type')).toContain('application/problem+json');
    expect(zh.body.errors[0].message).toBe('翻页标记无效，请从第一页重新开始');
    // Its own cursor is followed.
    expect((await shares(`?limit=1&cursor=${first.body.nextCursor}`)).status).toBe(200);

    expect((await shares('?limit=200')).status).toBe(200);
    const tooMany = await shares('?limit=201');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].path).toBe('limit');
    expect((await shares(`?q=${'栋'.repeat(41)}`)).status).toBe(400);

    const theirs = await h.call('GET', url(world, `/dividends/${id}/shares`, world.tenantB.slug), {
      token: world.tokens.adminB,
    });
    expect(theirs.status).toBe(404);
  });
});
