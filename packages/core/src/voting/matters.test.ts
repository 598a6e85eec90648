import { describe, expect, it } from 'vitest';
import { MATTER_TEXT, MATTER_TYPES, thresholdOf } from './matters.ts';

describe('matter types', () => {
  it('are the nine items of Civil Code art. 278, in order', () => {
    expect(MATTER_TYPES).toHaveLength(9);
    MATTER_TYPES.forEach((matter, i) => expect(MATTER_TEXT[matter].item).toBe(i + 1));
  });

  it('need the special (¾) threshold for items 6–8 only', () => {
    const special = MATTER_TYPES.filter((m) => thresholdOf(m) === 'special');
    expect(special).toEqual(['raise_maintenance_fund', 'rebuild', 'common_parts_use']);
    expect(special.map((m) => MATTER_TEXT[m].item)).toEqual([6, 7, 8]);
    expect(thresholdOf('use_maintenance_fund')).toBe('ordinary');
    expect(thresholdOf('committee_election')).toBe('ordinary');
  });

  it("carry the Civil Code's wording", () => {
    expect(MATTER_TEXT.raise_maintenance_fund['zh-CN']).toBe('筹集建筑物及其附属设施的维修资金');
    expect(MATTER_TEXT.use_maintenance_fund['zh-CN']).toBe('使用建筑物及其附属设施的维修资金');
    expect(MATTER_TEXT.rebuild['zh-CN']).toBe('改建、重建建筑物及其附属设施');
    expect(MATTER_TEXT.common_parts_use['zh-CN']).toBe('改变共有部分的用途或者利用共有部分从事经营活动');
    expect(MATTER_TEXT.committee_election['zh-CN']).toBe('选举业主委员会或者更换业主委员会成员');
    for (const matter of MATTER_TYPES) expect(MATTER_TEXT[matter].en.length).toBeGreaterThan(0);
  });
});
