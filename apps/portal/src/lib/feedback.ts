import { FEEDBACK_RATINGS, type FeedbackStatus, type FeedbackUnitKind } from '@city/contracts/values';
import { t } from '#lib/i18n/index.ts';

/** 码上提 in the portal: how a report's state and its deadline read at a glance. */
export const feedbackStatusTone: Record<FeedbackStatus, 'primary' | 'warning' | 'success' | 'neutral' | 'danger'> = {
  received: 'warning',
  assigned: 'primary',
  answered: 'warning',
  closed: 'success',
  rejected: 'neutral',
  merged: 'neutral',
};

/** The badge of the working days left: overdue red, the last two days amber. */
export const deadlineTone = (left: number) => (left < 0 ? 'danger' : left <= 2 ? 'warning' : 'neutral');

/** 剩 3 个工作日 / 今天到期 / 逾期 2 个工作日. */
export function workingDaysLabel(left: number): string {
  if (left === 0) return t('feedback.dueToday');
  return left > 0 ? t('feedback.daysLeft', { days: left }) : t('feedback.overdueBy', { days: -left });
}

const STEPS = [
  'received',
  'recategorised',
  'rejected',
  'merged',
  'merged_in',
  'assigned',
  'reassigned',
  'returned',
  'progress',
  'answered',
  'reopened',
  'rated',
  'reminded',
  'escalated',
  'lapsed',
] as const;

/** A step's name; a step this portal does not know yet shows as recorded. */
export function stepLabel(kind: string): string {
  const known = STEPS.find((s) => s === kind);
  return known ? t(`feedback.step.${known}`) : kind;
}

export function ratingLabel(rating: unknown): string {
  const known = FEEDBACK_RATINGS.find((r) => r === rating);
  return known ? t(`feedback.rating.${known}`) : String(rating);
}

interface UnitsAnswer {
  items: { id: string; name: string; kind: FeedbackUnitKind; active: boolean; departmentId: string | null }[];
  departments: { id: string; name: string; active: boolean; unitId: string | null }[];
}

/**
 * What staff may assign a report to: the neighbourhood's own active units and the active departments of the street
 * above (by the unit bound here, or by their own id until first assigned, which binds them).
 */
export function assignableUnits(answer: UnitsAnswer): { id: string; name: string; kind: FeedbackUnitKind }[] {
  const own = answer.items.filter((u) => u.active && !u.departmentId);
  const street = answer.departments
    .filter((d) => d.active)
    .map((d) => ({ id: d.unitId ?? d.id, name: d.name, kind: 'street_department' as const }));
  return [...own, ...street];
}
