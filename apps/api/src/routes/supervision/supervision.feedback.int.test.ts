import { beijingDate } from '@city/core';
import { readTable } from '@city/documents/sheets';
import { type TestApp, useWorld, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;

/** A unit in A; three reports: one answered on time and rated 满意, one assigned and left to go overdue, one new. */
async function threeReports(h: TestApp, world: World) {
  const a = `/api/v1/t/${world.tenantA.slug}`;
  const t = world.tokens;
  // One working day to answer, so that two weeks on the unanswered report is overdue whatever the holidays.
  await h.call('PUT', `${a}/feedback-settings`, {
    token: t.adminA,
    json: {
      categories: ['环境卫生', '设施维修'],
      workingDays: 1,
      remindBefore: 0,
      ratingDays: 7,
      restartClockOnReassign: false,
    },
  });
  const unit = await h.call('POST', `${a}/feedback-units`, {
    token: t.adminA,
    json: { kind: 'property', name: '物业服务中心', memberIds: [world.users.staffA.id] },
  });
  const report = async (category: string, body: string) =>
    (
      await h.call('POST', `${a}/feedback`, {
        token: t.residentA,
        json: { category, body, place: { kind: 'public', note: '中心花园' } },
      })
    ).body.id as string;
  const act = (id: string, token: string | undefined, json: object) =>
    h.call('POST', `${a}/feedback/${id}/actions`, { token, json });
  const done = await report('环境卫生', '落叶没有清扫');
  await act(done, t.adminA, { action: 'assign', unitId: unit.body.id });
  await act(done, t.staffA, { action: 'answer', body: '已清扫' });
  await act(done, t.residentA, { action: 'rate', rating: 'satisfied' });
  const late = await report('设施维修', '路灯不亮');
  await act(late, t.adminA, { action: 'assign', unitId: unit.body.id });
  await report('环境卫生', '垃圾桶满了');
  return { late };
}

const current = useWorld({ setUp: threeReports });

describe('码上提 metrics for supervisors', () => {
  it('rolls the figures up 区 → 街道 → 社区 → neighbourhood for the branch, by category and unit kind, and exports them', async () => {
    const { h, world } = current;
    h.clock.advance(14 * DAY);
    const today = beijingDate(h.clock.now());
    const from = beijingDate(new Date(h.clock.now().getTime() - 60 * DAY));
    const query = `from=${from}&to=${today}`;
    const metrics = await h.call('GET', `/api/v1/supervision/feedback/metrics?${query}`, {
      token: world.tokens.communityStaffA,
    });
    expect(metrics.status).toBe(200);
    expect(metrics.body.region.kind).toBe('community');
    const figures = {
      received: 3,
      responseDue: 2,
      respondedOnTime: 1,
      resolved: 1,
      rated: 1,
      satisfied: 1,
      overdueNow: 1,
      medianWorkingDays: 0,
    };
    const rows = metrics.body.rollup as Array<{ level: string; neighbourhood: { slug: string } | null }>;
    expect(rows.map((r) => r.level)).toEqual(['district', 'street', 'community', 'neighbourhood']);
    for (const row of rows) expect(row).toMatchObject(figures);
    expect(rows[3]!.neighbourhood!.slug).toBe(world.tenantA.slug);
    expect(metrics.body.byCategory).toEqual([
      expect.objectContaining({ category: '环境卫生', received: 2, resolved: 1 }),
      expect.objectContaining({ category: '设施维修', received: 1, overdueNow: 1 }),
    ]);
    expect(metrics.body.byUnitKind).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'property', received: 2 }),
        expect.objectContaining({ kind: null, received: 1 }),
      ]),
    );
    expect(metrics.body.trend.reduce((n: number, m: { received: number }) => n + m.received, 0)).toBe(3);

    // Another branch sees none of it; a period before the reports, nothing.
    const other = await h.call('GET', `/api/v1/supervision/feedback/metrics?${query}`, {
      token: world.tokens.otherBranchStaff,
    });
    expect(other.body.rollup).toEqual([]);
    const before = await h.call('GET', `/api/v1/supervision/feedback/metrics?from=2020-01-01&to=2020-12-31`, {
      token: world.tokens.communityStaffA,
    });
    expect(before.body.rollup).toEqual([]);
    expect(
      (
        await h.call('GET', `/api/v1/supervision/feedback/metrics?region=${world.tenantB.id}`, {
          token: world.tokens.communityStaffA,
        })
      ).status,
    ).toBe(404);
    expect((await h.call('GET', '/api/v1/supervision/feedback/metrics', { token: world.tokens.adminA })).status).toBe(
      403,
    );
    const bad = await h.call('GET', '/api/v1/supervision/feedback/metrics?from=2026-13-01', {
      token: world.tokens.communityStaffA,
    });
    expect(bad.status).toBe(400);

    for (const format of ['csv', 'xlsx'] as const) {
      const file = await h.call('GET', `/api/v1/supervision/feedback/metrics/export?${query}&format=${format}`, {
        token: world.tokens.streetStaffA,
      });
      expect(file.status).toBe(200);
      const table = await readTable(new Uint8Array(file.raw));
      expect(table.header.slice(0, 6)).toEqual(['层级', '区', '街道', '社区', '小区', '收到']);
      const row = table.rows.find((r) => r[4] === world.tenantA.name)!;
      expect(row.slice(5, 9)).toEqual(['3', '2', '1', '50']);
    }
  });
});
