/** Calendar dates as `YYYY-MM-DD` (Beijing time, no time of day), and the few steps the working-day clock takes. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY = 86_400_000;
const BEIJING_OFFSET = 8 * 3_600_000;

/** The day as UTC midnight, or undefined when the text is not a real date (2026-02-30). */
function parse(date: IsoDate): Date | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const at = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return at.toISOString().slice(0, 10) === date ? at : undefined;
}

export function isIsoDate(date: string): boolean {
  return parse(date) !== undefined;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(parse(date)!.getTime() + days * DAY).toISOString().slice(0, 10);
}

export const nextDay = (date: IsoDate): IsoDate => addDays(date, 1);

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return parse(date)!.getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The date in Beijing at an instant (the day a report was assigned). */
export function beijingDate(at: Date): IsoDate {
  return new Date(at.getTime() + BEIJING_OFFSET).toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, both included. */
export function* datesBetween(from: IsoDate, to: IsoDate): Generator<IsoDate> {
  for (let day = from; day <= to; day = nextDay(day)) yield day;
}
