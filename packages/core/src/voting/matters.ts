/** Civil Code art. 278 items 1–9, in order. */
export const MATTER_TYPES = [
  'rules_of_procedure',
  'management_statute',
  'committee_election',
  'property_manager',
  'use_maintenance_fund',
  'raise_maintenance_fund',
  'rebuild',
  'common_parts_use',
  'other_major',
] as const;

export type MatterType = (typeof MATTER_TYPES)[number];

/** `special`: ¾ of the participating area and headcount must agree (art. 278 items 6–8); `ordinary`: more than half. */
export type Threshold = 'ordinary' | 'special';

const SPECIAL: ReadonlySet<MatterType> = new Set(['raise_maintenance_fund', 'rebuild', 'common_parts_use']);

export function thresholdOf(matter: MatterType): Threshold {
  return SPECIAL.has(matter) ? 'special' : 'ordinary';
}

/** The Civil Code's own wording of each item, shown on motions and ballots so owners see what the law calls it. */
export const MATTER_TEXT: Record<MatterType, { item: number; 'zh-CN': string; en: string }> = {
  rules_of_procedure: {
    item: 1,
    'zh-CN': '制定和修改业主大会议事规则',
    en: "Adopt or amend the owners' assembly rules of procedure",
  },
  management_statute: { item: 2, 'zh-CN': '制定和修改管理规约', en: 'Adopt or amend the management statute' },
  committee_election: {
    item: 3,
    'zh-CN': '选举业主委员会或者更换业主委员会成员',
    en: "Elect the owners' committee or replace its members",
  },
  property_manager: {
    item: 4,
    'zh-CN': '选聘和解聘物业服务企业或者其他管理人',
    en: 'Appoint or dismiss the property service company or other manager',
  },
  use_maintenance_fund: {
    item: 5,
    'zh-CN': '使用建筑物及其附属设施的维修资金',
    en: 'Use the maintenance fund for the buildings and their ancillary facilities',
  },
  raise_maintenance_fund: {
    item: 6,
    'zh-CN': '筹集建筑物及其附属设施的维修资金',
    en: 'Raise the maintenance fund for the buildings and their ancillary facilities',
  },
  rebuild: {
    item: 7,
    'zh-CN': '改建、重建建筑物及其附属设施',
    en: 'Alter or rebuild the buildings and their ancillary facilities',
  },
  common_parts_use: {
    item: 8,
    'zh-CN': '改变共有部分的用途或者利用共有部分从事经营活动',
    en: 'Change the use of common parts, or use common parts for business',
  },
  other_major: {
    item: 9,
    'zh-CN': '有关共有和共同管理权利的其他重大事项',
    en: 'Other major matters of co-ownership and joint management rights',
  },
};
