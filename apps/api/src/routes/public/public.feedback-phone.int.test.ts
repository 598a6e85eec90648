import { SMS_LIMITS } from '@city/auth';
import { maskPhone } from '@city/contracts';
import {
  asOwner,
  lastCode,
  randomPhone,
  schema,
  seedRegistry,
  type TestApp,
  useWorld,
  withTenant,
  type World,
} from '@city/testing';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

/** A building in A, and a handling unit the staff member acts for. */
async function withUnit(h: TestApp, world: World) {
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { owner: '韩梅' },
    units: [{ building: '3栋', room: '301', area: 9_000, owners: ['owner'] }],
  });
  const [building] = await withTenant(h.services.db, world.tenantA.id, (tx) =>
    tx.select({ id: schema.buildings.id }).from(schema.buildings),
  );
  const unit = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback-units`, {
    token: world.tokens.adminA,
    json: { kind: 'property', name: '物业服务中心', memberIds: [world.users.staffA.id] },
  });
  expect(unit.status).toBe(201);
  return { buildingId: building!.id, unitId: unit.body.id as string };
}

const current = useWorld({ setUp: withUnit });

const pub = (slug: string, rest: string) => `/api/v1/public/n/${slug}/feedback${rest}`;
const WORDS = '北门路灯坏了一个多星期';

async function sendCode(h: TestApp, slug: string, phone: string) {
  return h.call('POST', pub(slug, '/codes'), { json: { phone } });
}

function reportBody(phone: string, code: string, buildingId: string) {
  return {
    phone,
    code,
    category: '设施维修',
    body: WORDS,
    place: { kind: 'building', buildingId, note: '北门' },
    channel: 'qr',
  };
}

/** A report made without an account, through the routes: its number and tracking token. */
async function reportByPhone(h: TestApp, world: World, phone = randomPhone()) {
  expect((await sendCode(h, world.tenantA.slug, phone)).status).toBe(202);
  const res = await h.call('POST', pub(world.tenantA.slug, '/reports'), {
    json: reportBody(phone, lastCode(h.sms, phone), current.prepared.buildingId),
  });
  expect(res.status).toBe(201);
  return { phone, ...(res.body as { number: number; token: string }) };
}

const staffQueue = async (h: TestApp, world: World) =>
  (await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback`, { token: world.tokens.adminA })).body.items as {
    id: string;
    number: number;
  }[];

const act = (h: TestApp, world: World, token: string | undefined, id: string, json: object) =>
  h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback/${id}/actions`, { token, json });

describe('码上提 without an account (a number confirmed by SMS code)', () => {
  it('offers the categories and buildings, refuses a wrong code writing nothing, and a used code twice', async () => {
    const { h, world, prepared } = current;
    const form = await h.call('GET', pub(world.tenantA.slug, '/form'));
    expect(form.body).toMatchObject({
      neighbourhood: { slug: world.tenantA.slug },
      categories: expect.arrayContaining(['设施维修', '其他']),
      buildings: [{ id: prepared.buildingId, name: '3栋' }],
    });

    const phone = randomPhone();
    const sent = await sendCode(h, world.tenantA.slug, phone);
    expect(sent).toMatchObject({ status: 202, body: { resendAfterSeconds: 60 } });
    const code = lastCode(h.sms, phone);
    const wrong = code === '000000' ? '111111' : '000000';
    const refused = await h.call('POST', pub(world.tenantA.slug, '/reports'), {
      json: reportBody(phone, wrong, prepared.buildingId),
      locale: 'en',
    });
    expect(refused.body).toMatchObject({
      status: 400,
      code: 'code_invalid',
      title: 'The code is wrong or has expired',
    });
    expect(await staffQueue(h, world)).toEqual([]);

    const made = await h.call('POST', pub(world.tenantA.slug, '/reports'), {
      json: reportBody(phone, code, prepared.buildingId),
    });
    expect(made.status).toBe(201);
    expect(made.body.token).toMatch(/^[a-z2-7]{24}$/);
    const again = await h.call('POST', pub(world.tenantA.slug, '/reports'), {
      json: reportBody(phone, code, prepared.buildingId),
    });
    expect(again.body).toMatchObject({ status: 400, code: 'code_invalid' });
    expect((await staffQueue(h, world)).map((r) => r.number)).toEqual([made.body.number]);
    // Only the hash of the token is kept.
    const trackers = await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.select().from(schema.feedbackTrackers),
    );
    expect(trackers).toHaveLength(1);
    expect(Buffer.from(trackers[0]!.tokenHash).toString()).not.toContain(made.body.token);
  });

  it('goes round: staff see the number masked, the link shows the steps without staff-only data, the answer is texted, the link rates it', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const { phone, number, token } = await reportByPhone(h, world);
    const [queued] = await staffQueue(h, world);
    const staffView = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback/${queued!.id}`, {
      token: t.adminA,
    });
    expect(staffView.body).toMatchObject({
      number,
      channel: 'qr',
      reporterName: `手机尾号${phone.slice(-4)}`,
      reporterPhone: maskPhone(phone),
      namedOnBoard: false,
      body: WORDS,
    });
    expect(JSON.stringify(staffView.body)).not.toContain(phone);

    const track = (tok = token) => h.call('GET', pub(world.tenantA.slug, `/track/${tok}`));
    const first = await track();
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    expect(first.body).toMatchObject({
      neighbourhood: { slug: world.tenantA.slug, name: world.tenantA.name },
      number,
      body: WORDS,
      status: 'received',
      place: { kind: 'building', building: '3栋', note: '北门' },
      steps: [{ kind: 'received', body: '' }],
      canRate: false,
      canAddPhoto: true,
    });

    await act(h, world, t.adminA, queued!.id, {
      action: 'assign',
      unitId: prepared.unitId,
      note: '内部：请物业先核实',
    });
    const assigned = (await track()).body;
    expect(assigned).toMatchObject({ status: 'assigned', handlingUnit: '物业服务中心', workingDaysLeft: 10 });
    expect(assigned.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = JSON.stringify(assigned);
    for (const secret of [phone, maskPhone(phone), '内部：请物业先核实', world.users.adminA.displayName, queued!.id]) {
      expect(text).not.toContain(secret);
    }
    expect(assigned).not.toHaveProperty('reporterPhone');
    expect(assigned).not.toHaveProperty('actions');

    // Not answered yet: not the reporter's turn.
    const early = await h.call('POST', pub(world.tenantA.slug, `/track/${token}/rating`), {
      json: { rating: 'satisfied' },
    });
    expect(early.body).toMatchObject({ status: 409, code: 'feedback_not_now' });

    await act(h, world, t.staffA, queued!.id, { action: 'answer', body: '路灯已更换' });
    const sms = h.sms.list(phone)[0]!.text;
    expect(sms).toContain(`#${number}`);
    expect(sms).not.toContain(WORDS);
    // A fresh link in the text: it and the first one both follow the report.
    const texted = sms.match(/\/p\/[^/]+\/feedback\/([a-z2-7]{24})/)!;
    expect(texted[0]).toBe(`/p/${world.tenantA.slug}/feedback/${texted[1]}`);
    expect((await track(texted[1])).body).toMatchObject({ status: 'answered', canRate: true });
    const answered = (await track()).body;
    expect(answered.steps.map((s: { kind: string; body: string }) => [s.kind, s.body])).toEqual([
      ['received', ''],
      ['assigned', ''],
      ['answered', '路灯已更换'],
    ]);

    const rated = await h.call('POST', pub(world.tenantA.slug, `/track/${token}/rating`), {
      json: { rating: 'basically_satisfied', comment: '换得挺快' },
    });
    expect(rated.body).toMatchObject({
      status: 'closed',
      rating: 'basically_satisfied',
      ratingComment: '换得挺快',
      canRate: false,
      canAddPhoto: false,
    });
    const twice = await h.call('POST', pub(world.tenantA.slug, `/track/${token}/rating`), {
      json: { rating: 'unsatisfied' },
    });
    expect(twice.status).toBe(409);
    const closed = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback/${queued!.id}`, { token: t.adminA });
    expect(closed.body.steps.at(-1)).toMatchObject({
      kind: 'rated',
      actorName: `手机尾号${phone.slice(-4)}`,
      data: { rating: 'basically_satisfied' },
    });
    // On the board without a name (never named: the reporter gave none).
    const board = await h.call('GET', pub(world.tenantA.slug, ''));
    expect(board.body.items[0]).toMatchObject({ number, reporterName: null, rating: 'basically_satisfied' });
  });

  it('texts a refusal with its link, and 不满意 by the link reopens the report once', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const refused = await reportByPhone(h, world);
    const second = await reportByPhone(h, world);
    const queue = await staffQueue(h, world);
    const idOf = (n: number) => queue.find((r) => r.number === n)!.id;

    await act(h, world, t.adminA, idOf(refused.number), { action: 'reject', reason: '不属于本小区管理范围' });
    expect(h.sms.list(refused.phone)[0]!.text).toContain(`#${refused.number}`);
    expect((await h.call('GET', pub(world.tenantA.slug, `/track/${refused.token}`))).body).toMatchObject({
      status: 'rejected',
      rejectReason: '不属于本小区管理范围',
      canRate: false,
    });

    await act(h, world, t.adminA, idOf(second.number), { action: 'assign', unitId: prepared.unitId, note: '' });
    await act(h, world, t.staffA, idOf(second.number), { action: 'answer', body: '已处理' });
    const reopened = await h.call('POST', pub(world.tenantA.slug, `/track/${second.token}/rating`), {
      json: { rating: 'unsatisfied', comment: '还是不亮' },
    });
    expect(reopened.body).toMatchObject({ status: 'assigned', reopened: true, rating: null, canRate: false });
  });

  it('adds photos by the link, the same upload rules as any report', async () => {
    const { h, world } = current;
    const { token } = await reportByPhone(h, world);
    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const upload = (bytes: Uint8Array, slug = world.tenantA.slug) =>
      h.call('POST', pub(slug, `/track/${token}/photos`), {
        body: new Uint8Array(bytes),
        headers: { 'content-type': 'image/png' },
      });
    const added = await upload(png);
    expect(added).toMatchObject({ status: 201, body: { side: 'reporter' } });
    expect((await upload(Buffer.from('<html></html>'))).body).toMatchObject({ status: 400, code: 'photo_invalid' });
    const photo = await h.call('GET', pub(world.tenantA.slug, `/track/${token}/photos/${added.body.id}`));
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect((await h.call('GET', pub(world.tenantA.slug, `/track/${token}`))).body.photos).toEqual([
      { id: added.body.id, side: 'reporter' },
    ]);
    // Under another neighbourhood's slug the link is unknown, whatever the body.
    expect((await upload(png, world.tenantB.slug)).status).toBe(404);
    expect((await h.call('GET', pub(world.tenantB.slug, `/track/${token}/photos/${added.body.id}`))).status).toBe(404);
  });

  it("finds a link only under its own neighbourhood's slug, and nothing of a suspended neighbourhood", async () => {
    const { h, world } = current;
    const { token } = await reportByPhone(h, world);
    const b = world.tenantB.slug;
    expect((await h.call('GET', pub(b, `/track/${token}`))).status).toBe(404);
    const rate = await h.call('POST', pub(b, `/track/${token}/rating`), { json: { rating: 'satisfied' } });
    expect(rate.status).toBe(404);
    expect((await h.call('GET', pub(world.tenantA.slug, `/track/${'a'.repeat(24)}`))).status).toBe(404);
    expect((await h.call('GET', pub('no-such-place', `/track/${token}`))).status).toBe(404);

    await asOwner(h.database, `update tenants set status = 'suspended' where id = '${world.tenantA.id}'`);
    // Past the slug cache's life, as a suspension is seen.
    h.clock.advance(5 * 60_000);
    const phone = randomPhone();
    expect((await sendCode(h, world.tenantA.slug, phone)).status).toBe(404);
    expect(h.sms.list(phone)).toEqual([]);
    expect((await h.call('GET', pub(world.tenantA.slug, `/track/${token}`))).status).toBe(404);
    expect((await h.call('GET', pub(world.tenantA.slug, '/form'))).status).toBe(404);
  });

  it('limits codes per number (one a minute, the hourly budget shared with every other code)', async () => {
    const { h, world } = current;
    // The budget is a fixed hourly window: start at its beginning so the minutes below never cross into the next.
    const hour = SMS_LIMITS.perPhone.windowMs;
    h.clock.advance(hour - (h.clock.now().getTime() % hour));
    const phone = randomPhone();
    expect((await sendCode(h, world.tenantA.slug, phone)).status).toBe(202);
    const soon = await sendCode(h, world.tenantA.slug, phone);
    expect(soon.body).toMatchObject({ status: 429, code: 'rate_limited' });
    // The refusal above counted too: the hour's budget runs out after the rest.
    for (let sent = 2; sent < SMS_LIMITS.perPhone.max; sent++) {
      h.clock.advance(61_000);
      expect((await sendCode(h, world.tenantA.slug, phone)).status).toBe(202);
    }
    h.clock.advance(61_000);
    expect((await sendCode(h, world.tenantA.slug, phone)).status).toBe(429);
    // A sign-up code to the same number draws on the same budget.
    const signUp = await h.call('POST', '/api/v1/auth/phone-codes', { json: { phone, purpose: 'sign-up' } });
    expect(signUp.status).toBe(429);
  });
});
