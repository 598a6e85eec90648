import {
  FEEDBACK_ESCALATIONS,
  type FeedbackEscalation,
  type FeedbackRating,
  type FeedbackStatus,
} from '@city/contracts';

/** Where a report stands, as far as the loop's rules need to know. */
export interface LoopState {
  status: FeedbackStatus;
  /** 不满意 has reopened it once already: a second 不满意 closes it. */
  reopened: boolean;
  escalation: FeedbackEscalation;
}

/** Everything that can happen to a report; who may do it is the service's concern, whether it may happen is here. */
export type LoopEvent =
  | { type: 'recategorise' }
  | { type: 'reject' }
  | { type: 'merge' }
  | { type: 'assign'; restartClock: boolean }
  | { type: 'return' }
  | { type: 'progress' }
  | { type: 'answer' }
  | { type: 'escalate' }
  | { type: 'rate'; rating: FeedbackRating }
  | { type: 'lapse' };

/** What the deadline does: counted afresh from today, kept, stopped (answered, closed, back to triage), untouched. */
export type ClockEffect = 'start' | 'keep' | 'stop';

export type Step = { ok: true; state: LoopState; clock: ClockEffect } | { ok: false };

const refused: Step = { ok: false };

type Transition<E extends LoopEvent['type']> = (
  state: LoopState,
  event: Extract<LoopEvent, { type: E }>,
) => { changes: Partial<LoopState>; clock: ClockEffect } | null;

/** For each state, the events it admits and where they lead; an event missing here is refused. */
const LOOP: { [S in FeedbackStatus]: { [E in LoopEvent['type']]?: Transition<E> } } = {
  received: {
    recategorise: () => ({ changes: {}, clock: 'keep' }),
    reject: () => ({ changes: { status: 'rejected' }, clock: 'stop' }),
    merge: () => ({ changes: { status: 'merged' }, clock: 'stop' }),
    assign: () => ({ changes: { status: 'assigned' }, clock: 'start' }),
  },
  assigned: {
    recategorise: () => ({ changes: {}, clock: 'keep' }),
    progress: () => ({ changes: {}, clock: 'keep' }),
    // Re-assignment keeps the history; the clock restarts only where the neighbourhood's rules say so.
    assign: (_, event) => ({ changes: {}, clock: event.restartClock ? 'start' : 'keep' }),
    // The unit says it is not theirs: back to triage, and the escalation with it.
    return: () => ({ changes: { status: 'received', escalation: 'none' }, clock: 'stop' }),
    answer: () => ({ changes: { status: 'answered' }, clock: 'stop' }),
    escalate: (state) => {
      const next = FEEDBACK_ESCALATIONS[FEEDBACK_ESCALATIONS.indexOf(state.escalation) + 1];
      return next ? { changes: { escalation: next }, clock: 'keep' } : null;
    },
  },
  answered: {
    rate: (state, event) =>
      event.rating === 'unsatisfied' && !state.reopened
        ? { changes: { status: 'assigned', reopened: true, escalation: 'none' }, clock: 'start' }
        : { changes: { status: 'closed' }, clock: 'stop' },
    lapse: () => ({ changes: { status: 'closed' }, clock: 'stop' }),
  },
  closed: {},
  rejected: {},
  merged: {},
};

/**
 * The loop, 梳理 → 交办 → 督办 → 评价 → 公示, in one place: the next state for an event, or a refusal. Terminal
 * states (closed, rejected, merged) refuse everything.
 */
export function step(state: LoopState, event: LoopEvent): Step {
  const transition = LOOP[state.status][event.type] as Transition<typeof event.type> | undefined;
  const result = transition?.(state, event as never);
  return result ? { ok: true, state: { ...state, ...result.changes }, clock: result.clock } : refused;
}
