import type { FeedbackAction } from '@city/contracts';

/** The fields of the forms that take a step of a 码上提 report. */
export const ACTION_FIELDS = ['action', 'category', 'text', 'into', 'unitId', 'rating'] as const;

/** The form's fields as the step the API takes (the API refuses what does not fit). */
export function actionOf(values: Record<string, string>): FeedbackAction {
  switch (values.action) {
    case 'recategorise':
      return { action: 'recategorise', category: values.category! };
    case 'reject':
      return { action: 'reject', reason: values.text! };
    case 'merge':
      return { action: 'merge', into: values.into! };
    case 'assign':
      return { action: 'assign', unitId: values.unitId!, note: values.text! };
    case 'return':
      return { action: 'return', reason: values.text! };
    case 'answer':
      return { action: 'answer', body: values.text! };
    case 'rate':
      return {
        action: 'rate',
        rating: values.rating as 'satisfied' | 'basically_satisfied' | 'unsatisfied',
        comment: values.text!,
      };
    default:
      return { action: 'progress', body: values.text! };
  }
}
