/** Service categories, in the order residents see them (the seed's list first). */
export const CATEGORIES = {
  housekeeping: { 'zh-CN': '家政', en: 'Housekeeping' },
  repair: { 'zh-CN': '维修', en: 'Repairs' },
  elderly: { 'zh-CN': '养老', en: 'Elderly care' },
  childcare: { 'zh-CN': '托幼', en: 'Childcare' },
  laundry: { 'zh-CN': '洗衣', en: 'Laundry' },
  delivery: { 'zh-CN': '配送', en: 'Delivery' },
  catering: { 'zh-CN': '餐饮', en: 'Meals' },
  moving: { 'zh-CN': '搬家', en: 'Moving' },
  beauty: { 'zh-CN': '美容美发', en: 'Hair & beauty' },
  other: { 'zh-CN': '其他', en: 'Other' },
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_IDS = Object.keys(CATEGORIES) as [Category, ...Category[]];

/** What a price is per. */
export const PRICE_UNITS = {
  visit: { 'zh-CN': '次', en: 'visit' },
  hour: { 'zh-CN': '小时', en: 'hour' },
  item: { 'zh-CN': '件', en: 'item' },
} as const;
export type PriceUnit = keyof typeof PRICE_UNITS;
export const PRICE_UNIT_IDS = Object.keys(PRICE_UNITS) as [PriceUnit, ...PriceUnit[]];
