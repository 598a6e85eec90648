import { describe, expect, it } from 'vitest';
import type { OrderStatus } from './schema.ts';
import { check, HOLDS_SEAT, movesFor, TRANSITIONS } from './order-states.ts';

const start = new Date('2026-12-01T02:00:00Z');
const before = { now: new Date('2026-12-01T01:00:00Z') };
const order = (status: OrderStatus) => ({ status, slotStartsAt: start });

describe('order transitions', () => {
  it('runs placed → accepted → in service → completed, each by the vendor', () => {
    expect(check(order('placed'), 'accepted', 'vendor', before)).toBeNull();
    expect(check(order('accepted'), 'in_service', 'vendor', before)).toBeNull();
    expect(check(order('in_service'), 'completed', 'vendor', before)).toBeNull();
    expect(check(order('placed'), 'accepted', 'resident', before)).toBe('transition_invalid');
    expect(check(order('placed'), 'completed', 'vendor', before)).toBe('transition_invalid');
  });

  it('lets the vendor decline only with a reason', () => {
    expect(check(order('placed'), 'declined', 'vendor', before)).toBe('reason_required');
    expect(check(order('placed'), 'declined', 'vendor', { ...before, reason: '  ' })).toBe('reason_required');
    expect(check(order('placed'), 'declined', 'vendor', { ...before, reason: '师傅请假' })).toBeNull();
    expect(check(order('accepted'), 'declined', 'vendor', { ...before, reason: '晚了' })).toBe('transition_invalid');
  });

  it('lets the resident cancel until the slot starts, the vendor an accepted order with a reason', () => {
    expect(check(order('placed'), 'cancelled', 'resident', { now: new Date('2026-12-05T00:00:00Z') })).toBeNull();
    expect(check(order('accepted'), 'cancelled', 'resident', before)).toBeNull();
    expect(check(order('accepted'), 'cancelled', 'resident', { now: start })).toBe('cancel_too_late');
    expect(check(order('accepted'), 'cancelled', 'vendor', before)).toBe('reason_required');
    expect(check(order('accepted'), 'cancelled', 'vendor', { now: start, reason: '设备故障' })).toBeNull();
    expect(check(order('placed'), 'cancelled', 'vendor', { ...before, reason: 'x' })).toBe('transition_invalid');
    expect(check(order('in_service'), 'cancelled', 'resident', before)).toBe('transition_invalid');
  });

  it('ends in declined, completed and cancelled, which hold no further moves', () => {
    for (const end of ['declined', 'completed', 'cancelled'] as const) {
      expect(TRANSITIONS[end]).toEqual({});
      expect(movesFor(order(end), 'vendor', before.now)).toEqual([]);
    }
    expect(HOLDS_SEAT.has('declined') || HOLDS_SEAT.has('cancelled')).toBe(false);
  });

  it('offers each party its own buttons', () => {
    expect(movesFor(order('placed'), 'vendor', before.now)).toEqual(['accepted', 'declined']);
    expect(movesFor(order('placed'), 'resident', before.now)).toEqual(['cancelled']);
    expect(movesFor(order('accepted'), 'resident', start)).toEqual([]);
  });
});
