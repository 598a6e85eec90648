import chineseDays from 'chinese-days';
import { addDays, datesBetween, type IsoDate } from './dates.ts';

// The package's Node entry is CommonJS: its functions come through the default export.
const { getSolarDateFromLunar, getSolarTermDate } = chineseDays;

/**
 * The statutory holidays of 全国年节及纪念日放假办法 (as revised from 2025) in a year: 元旦 (Jan 1), 春节 (除夕 to
 * 正月初三), 清明, 劳动节 (May 1–2), 端午 (五月初五), 中秋 (八月十五), 国庆 (Oct 1–3). They are never working days,
 * whatever a year's notice says about the days around them — which is all a year without its notice can rely on.
 */
export function statutoryHolidays(year: number): Set<IsoDate> {
  const lunar = (monthDay: string) => getSolarDateFromLunar(`${year}-${monthDay}`).date;
  const newYear = lunar('01-01');
  // 除夕 is the eve of 正月初一 (the 29th or the 30th of the twelfth month, in the lunar year before).
  const eve = addDays(newYear, -1);
  return new Set([
    `${year}-01-01`,
    ...datesBetween(eve, lunar('01-03')),
    getSolarTermDate(year, 4, 'pure_brightness'),
    `${year}-05-01`,
    `${year}-05-02`,
    lunar('05-05'),
    lunar('08-15'),
    `${year}-10-01`,
    `${year}-10-02`,
    `${year}-10-03`,
  ]);
}
