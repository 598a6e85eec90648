import type { Locale } from '@city/plugin-sdk/portal';
import { beijingDate } from '../weekly-slots.ts';

/** Day labels as people say them: 12月8日 周二 / Tue 8 Dec (British order: US-style dates read wrong here). */
const tag = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'zh-CN');

export interface SlotDay<S> {
  /** `YYYY-MM-DD` in Beijing. */
  date: string;
  /** The day with its weekday, in the reader's language. */
  label: string;
  slots: Array<S & { time: string }>;
}

/**
 * Slots grouped by their day in Beijing, in time order, each with its `09:00–11:00` window: a week of slots reads as
 * seven days to pick from, not a column of timestamps.
 */
export function slotsByDay<S extends { startsAt: string; endsAt: string }>(
  slots: readonly S[],
  locale: Locale,
): Array<SlotDay<S>> {
  const day = new Intl.DateTimeFormat(tag(locale), {
    timeZone: 'Asia/Shanghai',
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  });
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const sorted = slots.toSorted((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const days = Map.groupBy(sorted, (s) => beijingDate(new Date(s.startsAt)));
  return [...days].map(([date, group]) => ({
    date,
    label: day.format(new Date(group[0]!.startsAt)),
    slots: group.map((s) => ({
      ...s,
      time: `${clock.format(new Date(s.startsAt))}–${clock.format(new Date(s.endsAt))}`,
    })),
  }));
}
