import { addWorkingDays, beijingDate } from '@city/core';
import { schema, seedRegistry, type TestApp, useWorld, withTenant, WORLD_PASSWORD, type World } from '@city/testing';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

/** A building in A, and a handling unit (物业服务中心) the staff member acts for. */
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

const path = (world: World, rest = '') => `/api/v1/t/${world.tenantA.slug}/feedback${rest}`;

async function report(h: TestApp, world: World, token: string | undefined, body = '3栋门口垃圾三天没有清运') {
  const res = await h.call('POST', path(world), {
    token,
    json: {
      category: '环境卫生',
      body,
      place: { kind: 'building', buildingId: current.prepared.buildingId, note: '北门' },
    },
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; number: number };
}

const act = (h: TestApp, world: World, token: string | undefined, id: string, json: object) =>
  h.call('POST', path(world, `/${id}/actions`), { token, json });

async function inbox(h: TestApp, token: string | undefined) {
  await h.services.notifier.idle();
  return (await h.call('GET', '/api/v1/me/notifications', { token })).body.items as { kind: string; title: string }[];
}

describe('码上提: the feedback loop', () => {
  it('goes round: a resident reports, staff assign with a working-day deadline, the unit answers, 不满意 reopens once, then it closes', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const { id, number } = await report(h, world, t.residentA);
    expect((await inbox(h, t.adminA))[0]).toMatchObject({
      kind: 'feedback.received',
      title: `新反映 #${number}：环境卫生`,
    });

    const assigned = await act(h, world, t.adminA, id, {
      action: 'assign',
      unitId: prepared.unitId,
      note: '请尽快清运',
    });
    expect(assigned.status).toBe(200);
    const calendar = await h.services.calendars.current();
    const due = addWorkingDays(beijingDate(h.clock.now()), 10, calendar);
    expect(assigned.body).toMatchObject({
      status: 'assigned',
      handlingUnit: { name: '物业服务中心' },
      dueOn: due.due,
      dueProvisional: due.provisional,
      workingDaysLeft: 10,
    });
    expect((await inbox(h, t.staffA))[0]).toMatchObject({ kind: 'feedback.assigned' });
    expect((await inbox(h, t.residentA))[0]).toMatchObject({ title: `您反映的问题 #${number} 已交办` });

    // The unit's member sees it in their queue, with what they may do.
    const queue = await h.call('GET', path(world), { token: t.staffA });
    expect(queue.body.items[0]).toMatchObject({ id, actions: expect.arrayContaining(['progress', 'answer']) });
    expect((await act(h, world, t.staffA, id, { action: 'progress', body: '已安排保洁' })).status).toBe(200);
    expect((await inbox(h, t.residentA))[0]).toMatchObject({ kind: 'feedback.progress' });
    // The reporter cannot rate before the answer: right person, wrong step.
    expect((await act(h, world, t.residentA, id, { action: 'rate', rating: 'satisfied' })).status).toBe(409);
    expect((await act(h, world, t.staffA, id, { action: 'answer', body: '已清运完毕' })).body.status).toBe('answered');
    expect((await inbox(h, t.residentA))[0]).toMatchObject({ kind: 'feedback.answered' });

    h.clock.advance(86_400_000);
    const reopened = await act(h, world, t.residentA, id, {
      action: 'rate',
      rating: 'unsatisfied',
      comment: '还有残留',
    });
    expect(reopened.body).toMatchObject({
      status: 'assigned',
      reopened: true,
      rating: null,
      dueOn: addWorkingDays(beijingDate(h.clock.now()), 10, calendar).due,
    });
    expect((await inbox(h, t.staffA))[0]).toMatchObject({ kind: 'feedback.assigned' });
    await act(h, world, t.staffA, id, { action: 'answer', body: '已再次清理并消毒' });
    const closed = await act(h, world, t.residentA, id, { action: 'rate', rating: 'unsatisfied', comment: '仍不满意' });
    expect(closed.body).toMatchObject({ status: 'closed', rating: 'unsatisfied', actions: [] });
    expect(closed.body.steps.map((s: { kind: string }) => s.kind)).toEqual([
      'received',
      'assigned',
      'progress',
      'answered',
      'reopened',
      'answered',
      'rated',
    ]);
    // On the public board, without signing in: no name (not agreed), the building, the rating.
    const board = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/feedback`);
    expect(board.status).toBe(200);
    expect(board.body.items).toEqual([
      expect.objectContaining({
        number,
        category: '环境卫生',
        building: '3栋',
        reporterName: null,
        rating: 'unsatisfied',
        workingDaysTaken: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(board.body)).not.toContain('301');
    // And on paper, for the notice board by the gate, with a QR code back to the page.
    const printed = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/feedback.pdf`);
    expect(printed.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(printed.raw).toString('latin1');
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    const trail = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit?limit=3`, { token: t.adminA });
    expect(trail.body.items[0]).toMatchObject({ action: 'feedback.rated' });
  });

  it('lets staff reject with a reason the reporter sees, and merge a duplicate whose reporter then follows the survivor', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const first = await report(h, world, t.residentA);
    const duplicate = await report(h, world, t.committeeA, '北门垃圾堆了好几天');
    const merged = await act(h, world, t.adminA, duplicate.id, { action: 'merge', into: first.id });
    expect(merged.body).toMatchObject({ status: 'merged', mergedInto: first.id });
    await act(h, world, t.adminA, first.id, { action: 'assign', unitId: prepared.unitId, note: '' });
    // The duplicate's reporter hears of the survivor's progress, and may read it, but only its reporter rates it.
    expect((await inbox(h, t.committeeA))[0]).toMatchObject({ title: `您反映的问题 #${first.number} 已交办` });
    const followed = await h.call('GET', path(world, `/${first.id}`), { token: t.committeeA });
    expect(followed.status).toBe(200);
    expect(followed.body.reporterName).toBeNull();
    expect(followed.body.steps.map((s: { kind: string }) => s.kind)).toContain('merged_in');

    const other = await report(h, world, t.residentA, '广告太多');
    const rejected = await act(h, world, t.adminA, other.id, { action: 'reject', reason: '不属于物业管理范围' });
    expect(rejected.body).toMatchObject({ status: 'rejected', rejectReason: '不属于物业管理范围' });
    expect((await inbox(h, t.residentA))[0]).toMatchObject({ kind: 'feedback.rejected' });
    expect((await act(h, world, t.adminA, other.id, { action: 'assign', unitId: prepared.unitId })).status).toBe(409);
  });

  it('shows each person only their part: residents their own reports, the unit what is assigned to it', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const mine = await report(h, world, t.residentA);
    expect((await h.call('GET', path(world, `/${mine.id}`), { token: t.committeeA })).status).toBe(404);
    expect((await h.call('GET', path(world, `/${mine.id}`), { token: t.staffA })).status).toBe(200);
    expect((await h.call('GET', path(world), { token: t.committeeA })).body.items).toEqual([]);
    // A member named to a unit (not staff) sees what is assigned to it, answers it, and triages nothing.
    const committee = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback-units`, {
      token: t.adminA,
      json: { kind: 'committee', name: '业主委员会', memberIds: [world.users.committeeA.id] },
    });
    await act(h, world, t.adminA, mine.id, { action: 'assign', unitId: committee.body.id });
    const queue = await h.call('GET', path(world), { token: t.committeeA });
    expect(queue.body.items).toEqual([
      expect.objectContaining({ id: mine.id, actions: ['progress', 'answer', 'return'] }),
    ]);
    expect((await act(h, world, t.committeeA, mine.id, { action: 'reject', reason: '不想办' })).status).toBe(403);
    expect((await act(h, world, t.committeeA, mine.id, { action: 'answer', body: '已协调' })).status).toBe(200);
    expect((await act(h, world, t.residentA, mine.id, { action: 'assign', unitId: prepared.unitId })).status).toBe(403);
    expect((await act(h, world, t.residentA, mine.id, { action: 'answer', body: '自己答复' })).status).toBe(403);
    expect((await h.call('GET', path(world, `/${mine.id}`), { token: t.adminB })).status).toBe(404);
    const answered = await h.call('GET', `${path(world)}?status=answered`, { token: t.adminA });
    expect(answered.body.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect((await h.call('GET', `${path(world)}?status=received`, { token: t.adminA })).body.items).toEqual([]);
  });

  it('refuses a report that names no known category or place, and lets only staff log a call', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const post = (token: string | undefined, json: object) => h.call('POST', path(world), { token, json });
    const places = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback-places`, { token: t.residentA });
    expect(places.body.buildings).toEqual([{ id: prepared.buildingId, name: '3栋' }]);
    const base = { category: '环境卫生', body: '路灯不亮', place: { kind: 'public', note: '中心花园' } };
    expect((await post(t.residentA, { ...base, category: '不存在' })).body.errors[0]).toMatchObject({
      path: 'category',
    });
    const noBuilding = await post(t.residentA, { ...base, place: { kind: 'building' } });
    expect(noBuilding.body.errors[0]).toMatchObject({ path: 'place.buildingId' });
    const logged = { ...base, channel: 'phone', reporter: { name: '王大爷', phone: '13912345678' } };
    expect((await post(t.residentA, logged)).status).toBe(403);
    const call = await post(t.staffA, logged);
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({ channel: 'phone', reporterName: '王大爷', reporterPhone: '139****5678' });
    const vendor = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback-units`, {
      token: t.adminA,
      json: { kind: 'vendor', name: '不存在的商家', organisationId: '0193b7a0-5e2c-7c3e-9b1a-3f4d5e6f7a8b' },
    });
    expect(vendor.status).toBe(400);
    expect(vendor.body.errors[0]).toMatchObject({ path: 'organisationId' });
    const settings = await h.call('PUT', `/api/v1/t/${world.tenantA.slug}/feedback-settings`, {
      token: t.adminA,
      json: { categories: ['绿化'], workingDays: 5, remindBefore: 1, ratingDays: 7, restartClockOnReassign: true },
    });
    expect(settings.status).toBe(200);
    const green = await post(t.residentA, { ...base, category: '绿化' });
    const assigned = await act(h, world, t.adminA, green.body.id, { action: 'assign', unitId: prepared.unitId });
    expect(assigned.body.workingDaysLeft).toBe(5);
  });

  it('assigns several sorted reports to one unit at once, all or none', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const one = await report(h, world, t.residentA, '3栋楼道灯不亮');
    const two = await report(h, world, t.residentA, '3栋门禁坏了');
    const refused = await report(h, world, t.residentA, '广告太多');
    await act(h, world, t.adminA, refused.id, { action: 'reject', reason: '不属于小区事务' });
    const bulk = (token: string | undefined, reportIds: string[]) =>
      h.call('POST', path(world, '/assign'), {
        token,
        json: { reportIds, unitId: prepared.unitId, note: '本周内处理' },
      });

    const failed = await bulk(t.staffA, [one.id, refused.id]);
    expect(failed.status).toBe(400);
    expect(failed.body.errors[0]).toMatchObject({ path: 'reportIds.1' });
    const status = async (id: string) => (await h.call('GET', path(world, `/${id}`), { token: t.adminA })).body.status;
    expect(await status(one.id)).toBe('received');
    expect((await bulk(t.residentA, [one.id])).status).toBe(403);

    const done = await bulk(t.staffA, [one.id, two.id]);
    expect(done.body).toEqual({ assigned: 2 });
    expect([await status(one.id), await status(two.id)]).toEqual(['assigned', 'assigned']);
    const trail = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit?limit=2`, { token: t.adminA });
    expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual([
      'feedback.assigned',
      'feedback.assigned',
    ]);
  });

  it('takes photos from the reporter and from the handling side, six each, re-encoded, shown only to those involved', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const { id } = await report(h, world, t.residentA);
    const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const upload = (token: string | undefined, bytes: Uint8Array, locale: 'zh-CN' | 'en' = 'zh-CN') =>
      h.call('POST', path(world, `/${id}/photos`), {
        token,
        body: new Uint8Array(bytes),
        headers: { 'content-type': 'image/jpeg' },
        locale,
      });
    const first = await upload(t.residentA, png);
    expect(first.status).toBe(201);
    expect(first.body.side).toBe('reporter');
    const served = await h.call('GET', path(world, `/${id}/photos/${first.body.id}`), { token: t.adminA });
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await sharp(Buffer.from(served.raw)).metadata()).width).toBe(8);

    // Not an image, too large, someone not involved, a seventh: each refused, nothing kept.
    const html = await upload(t.residentA, Buffer.from('<html><script>alert(1)</script></html>'), 'en');
    expect(html.body).toMatchObject({ status: 400, code: 'photo_invalid', title: 'Upload a JPEG, PNG or WebP image' });
    expect((await upload(t.residentA, new Uint8Array(1024 * 1024 + 1))).body).toMatchObject({
      status: 413,
      code: 'payload_too_large',
    });
    expect((await upload(t.committeeA, png)).status).toBe(404);
    expect((await h.call('GET', path(world, `/${id}/photos/${first.body.id}`), { token: t.committeeA })).status).toBe(
      404,
    );
    for (let i = 1; i < 6; i++) expect((await upload(t.residentA, png)).status).toBe(201);
    expect((await upload(t.residentA, png)).body).toMatchObject({ status: 409, code: 'too_many_photos' });

    // The unit shows what it did.
    await act(h, world, t.adminA, id, { action: 'assign', unitId: prepared.unitId });
    expect((await upload(t.staffA, png)).body.side).toBe('handler');
    const detail = await h.call('GET', path(world, `/${id}`), { token: t.residentA });
    expect(detail.body.photos.map((p: { side: string }) => p.side)).toEqual([...Array(6).fill('reporter'), 'handler']);
    expect(detail.body.photoSide).toBeNull();
    expect((await h.call('GET', path(world, `/${id}`), { token: t.staffA })).body.photoSide).toBe('handler');
    // The 社区 reads it read only; another branch does not.
    const supervised = `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/feedback/${id}/photos/${first.body.id}`;
    expect((await h.call('GET', supervised, { token: t.communityStaffA })).status).toBe(200);
    expect((await h.call('GET', supervised, { token: t.otherBranchStaff })).status).toBe(404);
    // Another neighbourhood cannot reach it, even with its id.
    const other = `/api/v1/t/${world.tenantB.slug}/feedback/${id}/photos/${first.body.id}`;
    expect((await h.call('GET', other, { token: t.adminB })).status).toBe(404);
  });

  it('prints QR posters for staff: every building and the whole neighbourhood, or one building; residents cannot', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const posters = `/api/v1/t/${world.tenantA.slug}/feedback-posters.pdf`;
    const pageCount = (raw: ArrayBuffer) =>
      Buffer.from(raw)
        .toString('latin1')
        .match(/\/Type \/Page\b/g)?.length;
    const all = await h.call('GET', posters, { token: t.staffA });
    expect(all.status).toBe(200);
    expect(all.headers.get('content-type')).toBe('application/pdf');
    expect(pageCount(all.raw)).toBe(2);
    const form = `http://localhost:3000/n/${world.tenantA.slug}/feedback?building=`;
    const text = Buffer.from(all.raw).toString('latin1');
    expect(text).toContain(`${form}public`);
    expect(text).toContain(`${form}${prepared.buildingId}`);
    const one = await h.call('GET', `${posters}?building=${prepared.buildingId}`, { token: t.adminA });
    expect(pageCount(one.raw)).toBe(1);
    expect((await h.call('GET', `${posters}?building=${world.users.staffA.id}`, { token: t.adminA })).status).toBe(404);
    expect((await h.call('GET', posters, { token: t.residentA })).status).toBe(403);
  });

  it('puts a reporter’s reports in their data export, and keeps the reports under a pseudonym when they leave', async () => {
    const { h, world, prepared } = current;
    const t = world.tokens;
    const mine = await report(h, world, t.residentA);
    await act(h, world, t.adminA, mine.id, { action: 'assign', unitId: prepared.unitId });
    const exported = await h.call('GET', '/api/v1/me/personal-data', { token: t.residentA });
    const inA = exported.body.neighbourhoods.find((n: { tenant: { id: string } }) => n.tenant.id === world.tenantA.id);
    expect(inA.feedback).toEqual([expect.objectContaining({ number: mine.number, category: '环境卫生' })]);
    const deleted = await h.call('POST', '/api/v1/me/account-deletion', {
      token: t.residentA,
      json: { method: 'password', password: WORLD_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    const kept = await h.call('GET', path(world, `/${mine.id}`), { token: t.adminA });
    expect(kept.body).toMatchObject({ status: 'assigned', reporterName: deleted.body.pseudonym, reporterPhone: null });
    expect(kept.body.steps[0]).toMatchObject({ kind: 'received', actorName: deleted.body.pseudonym });
  });
});
