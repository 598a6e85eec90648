import type { FeedbackFigures } from '@city/contracts';
import type { MessageKey } from '#lib/i18n/index.ts';

/** What supervisors read of a neighbourhood, in the order the area's tables and one neighbourhood's page show it. */

export const COMMITTEE_FACTS = [
  { fact: 'preparatory', label: 'committee.preparatory' },
  { fact: 'filing', label: 'committee.filing' },
  { fact: 'term', label: 'committee.termDates' },
  { fact: 'seats', label: 'committee.seats' },
] as const satisfies ReadonlyArray<{ fact: string; label: MessageKey }>;

export const percent = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

/** 码上提's figures of a place (a rollup row): received, on time, resolved, satisfaction, overdue now, median days. */
export const FEEDBACK_FIGURES: Array<{ label: MessageKey; value: (row: FeedbackFigures) => string | number }> = [
  { label: 'feedback.metric.received', value: (row) => row.received },
  { label: 'feedback.metric.onTime', value: (row) => percent(row.respondedOnTime, row.responseDue) },
  { label: 'feedback.metric.resolved', value: (row) => row.resolved },
  { label: 'feedback.metric.satisfaction', value: (row) => percent(row.satisfied, row.rated) },
  { label: 'feedback.metric.overdue', value: (row) => row.overdueNow },
  { label: 'feedback.metric.median', value: (row) => row.medianWorkingDays ?? '—' },
];
