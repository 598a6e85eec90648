import type { Locale } from '@city/plugin-sdk/portal';
import {
  CATEGORIES,
  CATEGORY_IDS,
  PRICE_UNIT_IDS,
  PRICE_UNITS,
  type Category,
  type PriceUnit,
} from '../../categories.ts';

type LabelKey = `category.${Category}` | `unit.${PriceUnit}`;

/**
 * The names of categories and price units come from their one list (the API's search reads them there too). Their keys
 * are typed from that list, so a page's `category.<id>` or `unit.<id>` is checked like any other key.
 */
export const labels = (locale: Locale) =>
  Object.fromEntries([
    ...CATEGORY_IDS.map((id) => [`category.${id}`, CATEGORIES[id][locale]]),
    ...PRICE_UNIT_IDS.map((id) => [`unit.${id}`, PRICE_UNITS[id][locale]]),
  ]) as Record<LabelKey, string>;
