import { describe, expect, it } from 'vitest';
import type { RollChange } from '../schema.ts';
import { rollChangesNotice } from './texts.ts';

const meeting = {
  title: '2026年第一次业主大会',
  announcedAt: new Date('2026-12-01T02:00:00Z'),
  openedAt: new Date('2026-12-17T01:00:00Z'),
};
const change = (i: number, reason: string): RollChange => ({
  unitId: `u${i}`,
  address: `1栋 ${100 + i}`,
  what: 'owners',
  areaBefore: 10_000,
  areaAfter: 10_000,
  records: [{ kind: 'owners_changed', reason }],
});

describe('the roll changes 公示', () => {
  it('says so when nothing changed, and compares the totals and commitments', () => {
    const announced = { area: 100_000, count: 9, commitment: 'aaa' };
    const body = rollChangesNotice(meeting, announced, { area: 102_000, count: 9, commitment: 'aaa' }, []);
    expect(body).toContain('计票主体 9 人，专有部分面积合计 1020.00 ㎡，名册哈希 aaa');
    expect(body).toContain(
      '发布会议公告时（2026年12月1日 10:00）：计票主体 9 人，专有部分面积合计 1000.00 ㎡，名册哈希 aaa（与冻结名册相同）',
    );
    expect(body).toContain('公告发布后至开始投票，房屋登记没有影响计票的变动。');
  });

  it('lists area changes, new units and units without a recorded reason', () => {
    const body = rollChangesNotice(meeting, null, { area: 1, count: 1, commitment: 'c' }, [
      { ...change(1, ''), what: 'owners_and_area', areaAfter: 12_000, records: [] },
      { ...change(2, ''), what: 'added', areaBefore: null, records: [{ kind: 'imported', reason: '补录.xlsx' }] },
      { ...change(3, '共有人约定由另一人投票'), what: 'voters' },
    ]);
    expect(body).toContain('1. 1栋 101：业主变更，计票面积 100.00 ㎡ → 120.00 ㎡（登记中没有记录变更原因）');
    expect(body).toContain('2. 1栋 102：新登记的房屋（100.00 ㎡）（登记记录：导入房屋登记表（补录.xlsx））');
    expect(body).toContain('3. 1栋 103：指定投票人变更（登记记录：变更业主，原因：共有人约定由另一人投票）');
    expect(body).not.toContain('发布会议公告时');
  });

  it('stays within a notice’s 20,000 characters however many units changed, saying how many it left out', () => {
    const changes = Array.from({ length: 2000 }, (_, i) => change(i, '过户'.repeat(100)));
    const body = rollChangesNotice(
      meeting,
      { area: 1, count: 1, commitment: 'c' },
      { area: 1, count: 1, commitment: 'd' },
      changes,
    );
    expect(body).toContain('名册哈希 c（与冻结名册不同，变动见下）');
    expect(body.length).toBeLessThan(20_000);
    expect(body).toContain('共 2000 户');
    expect(body).toMatch(/另有 \d+ 户变动，完整清单已记入本次会议的记录。$/);
  });
});
