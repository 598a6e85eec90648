import { t } from '#lib/i18n/index.ts';
import { deadline, periodParts, termState } from '#lib/governance.ts';

/** The owners' bodies in words: seats, deadlines, terms and evaluation periods as the reader reads them. */

/** `还有 12 天` / `今天到期` / `逾期 3 天`, with its tone. */
export function deadlineLabel(days: number) {
  const clock = deadline(days);
  return { tone: clock.tone, text: t(`committee.days.${clock.state}`, { days: clock.days }) };
}

/** `距首次业主大会期限还有 N 天`, or overdue, with its tone. */
export function clockLabel(daysLeft: number) {
  const clock = deadline(daysLeft);
  return { tone: clock.tone, text: t(`committee.clock.${clock.state}`, { days: clock.days }) };
}

/** `还有 N 天届满` / `任期已届满 N 天`, with its tone. */
export function termLabel(daysToEnd: number) {
  const term = termState(daysToEnd);
  return { tone: term.tone, text: t(`committee.term.${term.state}`, { days: term.days }) };
}

/** `2026 年上半年` / `First half of 2026`; an unknown period as it is. */
export function periodLabel(period: string) {
  const parts = periodParts(period);
  return parts ? t(`committee.period.${parts.part}`, { year: parts.year }) : period;
}
