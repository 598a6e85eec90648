import type { ActionResult } from '@city/plugin-sdk/portal';
import type { RecordedChoice } from './types.ts';

/** A text field, trimmed; absent fields are empty strings. */
export const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Every value of a repeated field (checkboxes, hidden lists). */
export const all = (form: FormData, name: string) => form.getAll(name).map((v) => String(v));

/** A checkbox: present when ticked. */
export const ticked = (form: FormData, name: string) => form.get(name) !== null;

/**
 * A refused form, remembering which action it was (`_action`) so the page shows the message next to the right one of
 * its several forms, and what was typed.
 */
export function refused(res: Response, action: string, values: Record<string, string> = {}): ActionResult {
  return { failed: res, values: { ...values, _action: action } };
}

// Ballot fields: `motion` lists the agenda (hidden), `answer:<motionId>` holds a motion's choice (radio),
// `candidate:<motionId>` an election's chosen candidates (checkboxes), `spoilt:<motionId>` an election's 废票 (paper).
export const ballotField = {
  answer: (motionId: string) => `answer:${motionId}`,
  candidate: (motionId: string) => `candidate:${motionId}`,
  spoilt: (motionId: string) => `spoilt:${motionId}`,
};

const ANSWERS = ['agree', 'oppose', 'abstain', 'invalid'] as const;
type Answer = (typeof ANSWERS)[number];
const isAnswer = (value: string): value is Answer => (ANSWERS as readonly string[]).includes(value);

/**
 * The choices a ballot form carries. A motion left unanswered is left out, so the API answers with its own
 * "answer every motion"; an election with nobody ticked is a valid empty choice.
 */
export function choicesFrom(form: FormData): RecordedChoice[] {
  const elections = new Set(all(form, 'election'));
  return all(form, 'motion').flatMap((motionId): RecordedChoice[] => {
    if (elections.has(motionId)) {
      return ticked(form, ballotField.spoilt(motionId))
        ? [{ motionId, choice: 'invalid' }]
        : [{ motionId, candidateIds: all(form, ballotField.candidate(motionId)) }];
    }
    const answer = text(form, ballotField.answer(motionId));
    return isAnswer(answer) ? [{ motionId, choice: answer }] : [];
  });
}

/** The ballot form as typed, to tick the same boxes again when the API refuses it. */
export function ballotValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const motionId of all(form, 'motion')) {
    for (const name of [ballotField.answer(motionId), ballotField.candidate(motionId), ballotField.spoilt(motionId)]) {
      const value = all(form, name).join(',');
      if (value) values[name] = value;
    }
  }
  return values;
}

/** A recorded ballot as form values, so a change of vote starts from what was cast. */
export function valuesOfChoices(choices: readonly RecordedChoice[]): Record<string, string> {
  return Object.fromEntries(
    choices.flatMap((c): Array<[string, string]> => {
      if (!('choice' in c)) return [[ballotField.candidate(c.motionId), c.candidateIds.join(',')]];
      // 废票 is a motion's answer, or an election's "spoilt" box; only the field the form shows is read.
      return c.choice === 'invalid'
        ? [
            [ballotField.answer(c.motionId), c.choice],
            [ballotField.spoilt(c.motionId), 'on'],
          ]
        : [[ballotField.answer(c.motionId), c.choice]];
    }),
  );
}
