import { useWorld } from '@city/testing';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const current = useWorld();

type Inbox = { items: { kind: string; link: string }[] };

describe('码上提: 街道 departments as handling units', () => {
  it('street staff set departments up; neighbourhoods under the street assign to them; each department works its own queue', async () => {
    const { h, world } = current;
    const t = world.tokens;
    const { streetA } = world.regions;
    const setup = `/api/v1/supervision/regions/${streetA.id}/feedback-departments`;
    // A second person on the street's staff, to act for another department.
    await h.services.regions.addStaff(streetA.id, world.users.outsider.phone);

    // Only the street's own staff set it up: another street's, a 社区's, a neighbourhood's admin are turned away.
    const body = { name: '城管科', memberIds: [world.users.streetStaffA.id] };
    expect((await h.call('POST', setup, { token: t.otherBranchStaff, json: body })).status).toBe(404);
    expect((await h.call('GET', setup, { token: t.communityStaffA })).status).toBe(404);
    expect((await h.call('POST', setup, { token: t.adminA, json: body })).status).toBe(403);
    // Those who act for a department are the street's staff, nobody else.
    const stranger = await h.call('POST', setup, {
      token: t.streetStaffA,
      json: { name: '城管科', memberIds: [world.users.residentA.id] },
    });
    expect(stranger.status).toBe(400);
    const cityManagement = await h.call('POST', setup, { token: t.streetStaffA, json: body });
    expect(cityManagement.status).toBe(201);
    expect(cityManagement.body).toMatchObject({
      name: '城管科',
      active: true,
      members: [{ userId: world.users.streetStaffA.id }],
    });
    const security = await h.call('POST', setup, {
      token: t.streetStaffA,
      json: { name: '综治办', memberIds: [world.users.outsider.id] },
    });
    expect((await h.call('POST', setup, { token: t.streetStaffA, json: body })).status).toBe(409);
    const listed = await h.call('GET', setup, { token: t.streetStaffA });
    expect(listed.body.items.map((d: { name: string }) => d.name)).toEqual(['城管科', '综治办']);
    expect(listed.body.staff.map((s: { userId: string }) => s.userId)).toContain(world.users.outsider.id);
    const mine = await h.call('GET', '/api/v1/supervision/departments', { token: t.streetStaffA });
    expect(mine.body).toMatchObject({
      streets: [{ id: streetA.id }],
      departments: [{ id: cityManagement.body.id, name: '城管科' }],
    });

    // The neighbourhood under the street sees its departments in the picker; the one under another street does not.
    const a = `/api/v1/t/${world.tenantA.slug}`;
    const units = await h.call('GET', `${a}/feedback-units`, { token: t.staffA });
    expect(units.body.departments).toEqual([
      expect.objectContaining({ id: cityManagement.body.id, name: '城管科', unitId: null }),
      expect.objectContaining({ id: security.body.id, name: '综治办', unitId: null }),
    ]);
    const b = `/api/v1/t/${world.tenantB.slug}`;
    expect((await h.call('GET', `${b}/feedback-units`, { token: t.adminB })).body.departments).toEqual([]);

    const report = async (body: string) =>
      (
        await h.call('POST', `${a}/feedback`, {
          token: t.residentA,
          json: { category: '环境卫生', body, place: { kind: 'public', note: '北门外' } },
        })
      ).body.id as string;
    const assign = (id: string, unitId: string, base = a, token = t.adminA) =>
      h.call('POST', `${base}/feedback/${id}/actions`, { token, json: { action: 'assign', unitId } });
    const stalls = await report('北门外占道经营');
    const dispute = await report('邻里纠纷需要调解');
    const assigned = await assign(stalls, cityManagement.body.id);
    expect(assigned.status).toBe(200);
    expect(assigned.body.handlingUnit).toMatchObject({ name: '城管科', kind: 'street_department' });
    expect((await assign(dispute, security.body.id, a, t.staffA)).status).toBe(200);
    // Bound on first use, once: assigning again names the same unit.
    const bound = (await h.call('GET', `${a}/feedback-units`, { token: t.adminA })).body;
    const unitId = bound.departments[0].unitId as string;
    expect(unitId).toBe(assigned.body.handlingUnit.id);
    expect(bound.items.filter((u: { departmentId: string | null }) => u.departmentId)).toHaveLength(2);
    // The bound unit is the street's: the neighbourhood cannot rename it or change who acts for it.
    const renamed = await h.call('PUT', `${a}/feedback-units/${unitId}`, {
      token: t.adminA,
      json: { kind: 'street_department', name: '我们的城管' },
    });
    expect(renamed.status).toBe(404);
    // A neighbourhood under another street cannot assign to this street's department.
    const inB = await h.call('POST', `${b}/feedback`, {
      token: t.adminB,
      json: { category: '环境卫生', body: '路面破损', place: { kind: 'public' } },
    });
    expect((await assign(inB.body.id, cityManagement.body.id, b, t.adminB)).status).toBe(400);

    // The department's people hear of it, with a link into the department's queue.
    await h.services.notifier.idle();
    const inbox = (await h.call('GET', '/api/v1/me/notifications', { token: t.streetStaffA })).body as Inbox;
    expect(inbox.items[0]).toMatchObject({
      kind: 'feedback.assigned',
      link: `/supervision/departments/${cityManagement.body.id}/${world.tenantA.slug}/${stalls}`,
    });

    // Each department sees only what is assigned to it; nobody else sees its queue.
    const queue = `/api/v1/supervision/departments/${cityManagement.body.id}/feedback`;
    const list = await h.call('GET', queue, { token: t.streetStaffA });
    expect(list.status).toBe(200);
    expect(list.body.department).toMatchObject({ name: '城管科', street: streetA.name });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: stalls,
        neighbourhood: { slug: world.tenantA.slug, name: world.tenantA.name },
        actions: expect.arrayContaining(['progress', 'answer', 'return']),
        // The department learns what and where, not who.
        reporterName: null,
        reporterPhone: null,
      }),
    ]);
    const securityQueue = `/api/v1/supervision/departments/${security.body.id}/feedback`;
    expect(
      (await h.call('GET', securityQueue, { token: t.outsider })).body.items.map((r: { id: string }) => r.id),
    ).toEqual([dispute]);
    expect((await h.call('GET', `${queue}/${world.tenantA.slug}/${dispute}`, { token: t.streetStaffA })).status).toBe(
      404,
    );
    expect((await h.call('GET', securityQueue, { token: t.streetStaffA })).status).toBe(404);
    for (const token of [t.outsider, t.otherBranchStaff, t.communityStaffA]) {
      expect((await h.call('GET', queue, { token })).status).toBe(404);
      expect((await h.call('GET', `${queue}/${world.tenantA.slug}/${stalls}`, { token })).status).toBe(404);
      const act = await h.call('POST', `${queue}/${world.tenantA.slug}/${stalls}/actions`, {
        token,
        json: { action: 'answer', body: '已处理' },
      });
      expect(act.status).toBe(404);
    }
    expect((await h.call('GET', queue, { token: t.adminA })).status).toBe(403);
    // Through another neighbourhood's slug: not found.
    expect((await h.call('GET', `${queue}/${world.tenantB.slug}/${stalls}`, { token: t.streetStaffA })).status).toBe(
      404,
    );

    // The department answers through the one loop: it may not triage, and the reporter hears the answer.
    const act = (json: object) =>
      h.call('POST', `${queue}/${world.tenantA.slug}/${stalls}/actions`, { token: t.streetStaffA, json });
    expect((await act({ action: 'reject', reason: '不归我们管' })).status).toBe(403);
    expect((await act({ action: 'progress', body: '已派执法队员到场' })).status).toBe(200);
    const answered = await act({ action: 'answer', body: '占道摊点已清理' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', neighbourhood: { slug: world.tenantA.slug } });
    await h.services.notifier.idle();
    const resident = (await h.call('GET', '/api/v1/me/notifications', { token: t.residentA })).body as Inbox;
    expect(resident.items[0]).toMatchObject({ kind: 'feedback.answered' });
    const rated = await h.call('POST', `${a}/feedback/${stalls}/actions`, {
      token: t.residentA,
      json: { action: 'rate', rating: 'satisfied' },
    });
    expect(rated.body.status).toBe('closed');

    // An inactive department takes no new reports.
    await h.call('PUT', `${setup}/${security.body.id}`, {
      token: t.streetStaffA,
      json: { name: '综治办', active: false, memberIds: [world.users.outsider.id] },
    });
    expect((await assign(await report('楼道堆物'), security.body.id)).status).toBe(400);
  });

  it('reminds the department before the deadline and presses it in its own queue when overdue', async () => {
    const { h, world } = current;
    const t = world.tokens;
    const a = `/api/v1/t/${world.tenantA.slug}`;
    const department = await h.call(
      'POST',
      `/api/v1/supervision/regions/${world.regions.streetA.id}/feedback-departments`,
      {
        token: t.streetStaffA,
        json: { name: '市政所', memberIds: [world.users.streetStaffA.id] },
      },
    );
    await h.call('PUT', `${a}/feedback-settings`, {
      token: t.adminA,
      json: { categories: ['设施维修'], workingDays: 1, remindBefore: 1, ratingDays: 7, restartClockOnReassign: false },
    });
    const opened = await h.call('POST', `${a}/feedback`, {
      token: t.residentA,
      json: { category: '设施维修', body: '路灯不亮', place: { kind: 'public', note: '南门' } },
    });
    const report = opened.body.id as string;
    await h.call('POST', `${a}/feedback/${report}/actions`, {
      token: t.adminA,
      json: { action: 'assign', unitId: department.body.id },
    });
    const link = `/supervision/departments/${department.body.id}/${world.tenantA.slug}/${report}`;
    await h.services.feedbackClock.run(world.tenantA.id);
    await h.services.notifier.idle();
    const kinds = async () =>
      ((await h.call('GET', '/api/v1/me/notifications', { token: t.streetStaffA })).body as Inbox).items.filter(
        (i) => i.link === link,
      );
    expect((await kinds()).map((i) => i.kind)).toContain('feedback.reminder');

    // Well past the deadline: up to the 社区, then the 街道 — the department is pressed in its queue, once a step,
    // and the street's staff who act for it are not told a second time as supervisors.
    for (let day = 0; day < 20; day++) {
      h.clock.advance(DAY);
      await h.services.feedbackClock.run(world.tenantA.id);
    }
    await h.services.notifier.idle();
    expect((await kinds()).filter((i) => i.kind === 'feedback.overdue')).toHaveLength(2);
    const all = ((await h.call('GET', '/api/v1/me/notifications', { token: t.streetStaffA })).body as Inbox).items;
    expect(all.filter((i) => i.link === `/supervision/feedback/${world.tenantA.slug}/${report}`)).toEqual([]);
    const queue = await h.call('GET', `/api/v1/supervision/departments/${department.body.id}/feedback`, {
      token: t.streetStaffA,
    });
    expect(queue.body.items[0]).toMatchObject({ id: report, escalation: 'street' });
  });
});
