/** Lists of days as people write them in a holiday notice: `2027-02-05~2027-02-11`, one entry per line or comma. */

const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

const next = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + DAY).toISOString().slice(0, 10);

/** Consecutive days folded into ranges: ['2027-02-05', '2027-02-06', '2027-02-08'] → ['2027-02-05~2027-02-06', '2027-02-08']. */
export function toRanges(dates: readonly string[]): string[] {
  const ranges: string[] = [];
  let first: string | undefined;
  let last: string | undefined;
  for (const date of [...dates].sort()) {
    if (last && next(last) === date) {
      last = date;
      continue;
    }
    if (first) ranges.push(first === last ? first : `${first}~${last}`);
    first = last = date;
  }
  if (first) ranges.push(first === last ? first : `${first}~${last!}`);
  return ranges;
}

/**
 * The days a text lists (entries separated by new lines, commas, 、 or spaces; a range as `from~to`, `from–to` or
 * `from至to`). What is not a date is kept as written, for the API to refuse with its message.
 */
export function parseDays(text: string): string[] {
  const days: string[] = [];
  for (const entry of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const [from, to, ...rest] = entry.split(/~|～|–|至/);
    if (to === undefined || rest.length || !ISO.test(from!) || !ISO.test(to) || to < from! || to > '2100') {
      days.push(entry);
      continue;
    }
    for (let day = from!; day <= to && days.length < 400; day = next(day)) days.push(day);
  }
  return [...new Set(days)];
}
