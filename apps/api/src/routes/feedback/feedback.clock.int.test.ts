import { addWorkingDays, beijingDate, STREET_AFTER } from '@city/core';
import { schema, seedRegistry, type TestApp, useWorld, withTenant, type World } from '@city/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** A handling unit whose member is the committee member (not staff): reminders reach them as the unit. */
async function withUnit(h: TestApp, world: World) {
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { owner: '韩梅' },
    units: [{ building: '3栋', room: '301', area: 9_000, owners: ['owner'] }],
  });
  const unit = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback-units`, {
    token: world.tokens.adminA,
    json: { kind: 'property', name: '物业服务中心', memberIds: [world.users.committeeA.id] },
  });
  return { unitId: unit.body.id as string };
}

const current = useWorld({ setUp: withUnit });

/** Moves the clock to 09:00 Beijing time of the next day. */
function nextMorning(h: TestApp) {
  const now = h.clock.now().getTime();
  const beijingMinute = (Math.floor(now / 60_000) + 8 * 60) % 1440;
  h.clock.advance(((9 * 60 - beijingMinute + 1440) % 1440 || 1440) * 60_000 - (now % 60_000));
}

async function steps(h: TestApp, world: World, reportId: string) {
  return withTenant(h.services.db, world.tenantA.id, (tx) =>
    tx
      .select({ kind: schema.feedbackSteps.kind, at: schema.feedbackSteps.at, data: schema.feedbackSteps.data })
      .from(schema.feedbackSteps)
      .where(eq(schema.feedbackSteps.reportId, reportId))
      .orderBy(schema.feedbackSteps.at, schema.feedbackSteps.id),
  );
}

async function openAndAssign(h: TestApp, world: World, unitId: string) {
  const t = world.tokens;
  const opened = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback`, {
    token: t.residentA,
    json: { category: '设施维修', body: '电梯按钮失灵', place: { kind: 'public', note: '3栋电梯' } },
  });
  const assigned = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback/${opened.body.id}/actions`, {
    token: t.adminA,
    json: { action: 'assign', unitId },
  });
  expect(assigned.status).toBe(200);
  return assigned.body as { id: string; dueOn: string };
}

describe('码上提: the clock (督办)', () => {
  it('reminds the unit before the deadline and escalates to the 社区, then the 街道, counting working days only', async () => {
    const { h, world, prepared } = current;
    nextMorning(h);
    const calendar = await h.services.calendars.current();
    const today = beijingDate(h.clock.now());
    // A deadline just before a day off (a weekend or a holiday), so that the first day past it is not a working day.
    let workingDays = 1;
    while (calendar.isWorkingDay(dayAfter(addWorkingDays(today, workingDays, calendar).due))) workingDays++;
    await h.call('PUT', `/api/v1/t/${world.tenantA.slug}/feedback-settings`, {
      token: world.tokens.adminA,
      json: {
        categories: ['设施维修'],
        workingDays,
        remindBefore: 1,
        ratingDays: 7,
        restartClockOnReassign: false,
      },
    });
    const report = await openAndAssign(h, world, prepared.unitId);
    expect(report.dueOn).toBe(addWorkingDays(today, workingDays, calendar).due);

    // Day by day, the clock runs as the server's sweep would (this neighbourhood only: on a shared server other
    // tests' reports are not this test's clock's to move); where each step fell is checked against the calendar.
    const happened: Record<string, string> = {};
    for (let day = 0; day < 40 && !happened.street; day++) {
      nextMorning(h);
      await h.services.feedbackClock.run(world.tenantA.id);
      const date = beijingDate(h.clock.now());
      for (const s of await steps(h, world, report.id)) {
        const key = s.kind === 'escalated' ? String(s.data.escalation) : s.kind;
        if (!(key in happened) && s.at.getTime() === h.clock.now().getTime()) happened[key] = date;
      }
    }
    const due = report.dueOn;
    const firstWhere = (test: (date: string) => boolean) => {
      let date = today;
      while (!test(date)) date = dayAfter(date);
      return date;
    };
    expect(happened.reminded).toBe(firstWhere((d) => d > today && calendar.workingDaysBetween(d, due) <= 1));
    const community = firstWhere((d) => d > due && calendar.workingDaysBetween(due, d) >= 1);
    expect(happened.community).toBe(community);
    // The day after the deadline is a day off: nobody is escalated on it.
    expect(community > dayAfter(due)).toBe(true);
    expect(happened.street).toBe(firstWhere((d) => d > due && calendar.workingDaysBetween(due, d) > STREET_AFTER));

    await h.services.notifier.idle();
    const unitInbox = await h.call('GET', '/api/v1/me/notifications', { token: world.tokens.committeeA });
    expect(unitInbox.body.items.map((i: { kind: string }) => i.kind)).toContain('feedback.reminder');
    const staffInbox = await h.call('GET', '/api/v1/me/notifications', { token: world.tokens.communityStaffA });
    // Region staff open it in their branch view, read only.
    expect(staffInbox.body.items[0]).toMatchObject({
      kind: 'feedback.overdue',
      link: `/supervision/feedback/${world.tenantA.slug}/${report.id}`,
    });
    const overdue = await h.call('GET', '/api/v1/supervision/feedback/overdue', {
      token: world.tokens.communityStaffA,
    });
    expect(overdue.body.items).toEqual([
      expect.objectContaining({
        id: report.id,
        dueOn: due,
        escalation: 'street',
        handlingUnit: '物业服务中心',
        workingDaysOverdue: calendar.workingDaysBetween(due, beijingDate(h.clock.now())),
        neighbourhood: { slug: world.tenantA.slug, name: world.tenantA.name },
      }),
    ]);
    const other = await h.call('GET', '/api/v1/supervision/feedback/overdue', { token: world.tokens.otherBranchStaff });
    expect(other.body.items).toEqual([]);
    const read = (token: string | undefined) =>
      h.call('GET', `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/feedback/${report.id}`, { token });
    const supervised = await read(world.tokens.streetStaffA);
    expect(supervised.body).toMatchObject({ id: report.id, actions: [], reporterName: null });
    expect(supervised.body.steps.map((s: { kind: string }) => s.kind)).toContain('escalated');
    expect((await read(world.tokens.otherBranchStaff)).status).toBe(404);
    expect((await read(world.tokens.residentA)).status).toBe(403);
    const streetInbox = await h.call('GET', '/api/v1/me/notifications', { token: world.tokens.streetStaffA });
    expect(streetInbox.body.items[0]).toMatchObject({
      kind: 'feedback.overdue',
      title: expect.stringContaining('街道'),
    });
    const shown = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback/${report.id}`, {
      token: world.tokens.adminA,
    });
    expect(shown.body).toMatchObject({ escalation: 'street', status: 'assigned' });
    expect(shown.body.workingDaysLeft).toBeLessThan(-STREET_AFTER);
  });

  it('closes an answer nobody rated within the rating period as not rated, never as satisfied', async () => {
    const { h, world, prepared } = current;
    const report = await openAndAssign(h, world, prepared.unitId);
    await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback/${report.id}/actions`, {
      token: world.tokens.committeeA,
      json: { action: 'answer', body: '已更换按钮' },
    });
    h.clock.advance(7 * DAY - 60_000);
    await h.services.feedbackClock.run(world.tenantA.id);
    const waiting = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback/${report.id}`, {
      token: world.tokens.residentA,
    });
    expect(waiting.body).toMatchObject({ status: 'answered', actions: ['rate'] });
    h.clock.advance(60_000);
    await h.services.feedbackClock.run(world.tenantA.id);
    const closed = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback/${report.id}`, {
      token: world.tokens.residentA,
    });
    expect(closed.body).toMatchObject({ status: 'closed', rating: null, actions: [] });
    expect(closed.body.steps.at(-1)).toMatchObject({ kind: 'lapsed', actorName: '系统' });
  });
});
