import { FEEDBACK_STATUSES, type FeedbackStatus } from '@city/contracts';
import { describe, expect, it } from 'vitest';
import { step, type LoopEvent, type LoopState } from './loop.ts';

const at = (status: FeedbackStatus, more: Partial<LoopState> = {}): LoopState => ({
  status,
  reopened: false,
  escalation: 'none',
  ...more,
});

const EVENTS: LoopEvent[] = [
  { type: 'recategorise' },
  { type: 'reject' },
  { type: 'merge' },
  { type: 'assign', restartClock: false },
  { type: 'return' },
  { type: 'progress' },
  { type: 'answer' },
  { type: 'escalate' },
  { type: 'rate', rating: 'satisfied' },
  { type: 'lapse' },
];

/** Which events each state admits; everything else is refused. */
const ALLOWED: Record<FeedbackStatus, LoopEvent['type'][]> = {
  received: ['recategorise', 'reject', 'merge', 'assign'],
  assigned: ['recategorise', 'assign', 'return', 'progress', 'answer', 'escalate'],
  answered: ['rate', 'lapse'],
  closed: [],
  rejected: [],
  merged: [],
};

describe('the feedback loop', () => {
  it('admits exactly the allowed events in each state and refuses the rest', () => {
    for (const status of FEEDBACK_STATUSES) {
      for (const event of EVENTS) {
        expect(step(at(status), event).ok, `${status} + ${event.type}`).toBe(ALLOWED[status].includes(event.type));
      }
    }
  });

  it('goes round: triage, assignment with the clock started, answer stops it, a rating closes it', () => {
    const assigned = step(at('received'), { type: 'assign', restartClock: false });
    expect(assigned).toEqual({ ok: true, state: at('assigned'), clock: 'start' });
    const answered = step(at('assigned'), { type: 'answer' });
    expect(answered).toEqual({ ok: true, state: at('answered'), clock: 'stop' });
    expect(step(at('answered'), { type: 'rate', rating: 'basically_satisfied' })).toMatchObject({
      state: at('closed'),
    });
    expect(step(at('answered'), { type: 'lapse' })).toMatchObject({ state: at('closed') });
  });

  it('reopens on the first 不满意 with a new clock, and closes on the second', () => {
    const reopened = step(at('answered', { escalation: 'street' }), { type: 'rate', rating: 'unsatisfied' });
    expect(reopened).toEqual({
      ok: true,
      state: at('assigned', { reopened: true, escalation: 'none' }),
      clock: 'start',
    });
    expect(step(at('answered', { reopened: true }), { type: 'rate', rating: 'unsatisfied' })).toMatchObject({
      state: at('closed', { reopened: true }),
    });
  });

  it('escalates an overdue report to the 社区, then the 街道, and no further', () => {
    const community = step(at('assigned'), { type: 'escalate' });
    expect(community).toEqual({ ok: true, state: at('assigned', { escalation: 'community' }), clock: 'keep' });
    expect(step(at('assigned', { escalation: 'community' }), { type: 'escalate' })).toMatchObject({
      state: { escalation: 'street' },
    });
    expect(step(at('assigned', { escalation: 'street' }), { type: 'escalate' })).toEqual({ ok: false });
  });

  it('restarts the clock on re-assignment only when the rules say so; a unit may hand a report back', () => {
    expect(step(at('assigned'), { type: 'assign', restartClock: false })).toMatchObject({ clock: 'keep' });
    expect(step(at('assigned'), { type: 'assign', restartClock: true })).toMatchObject({ clock: 'start' });
    expect(step(at('assigned', { escalation: 'community' }), { type: 'return' })).toEqual({
      ok: true,
      state: at('received'),
      clock: 'stop',
    });
  });
});
