import { describe, expect, it } from 'vitest';
import { dimensionApproved, dimensionQuorum } from './thresholds.ts';

// docs/domain.md §1's worked examples, one bar at a time.
describe('one dimension of the law’s tests', () => {
  it('takes more than half for an ordinary matter: exactly half is not enough', () => {
    expect(dimensionApproved('ordinary', 300, 600)).toBe(false);
    expect(dimensionApproved('ordinary', 301, 600)).toBe(true);
    expect(dimensionApproved('ordinary', 5, 9)).toBe(true);
  });

  it('takes three quarters or more for a special matter: exactly three quarters is enough', () => {
    expect(dimensionApproved('special', 6, 8)).toBe(true);
    expect(dimensionApproved('special', 5, 9)).toBe(false);
  });

  it('takes two thirds for participation, exactly two thirds included; nothing to divide is not met', () => {
    expect(dimensionQuorum(6, 9)).toBe(true);
    expect(dimensionQuorum(5, 8)).toBe(false);
    expect(dimensionQuorum(0, 0)).toBe(false);
    expect(dimensionApproved('ordinary', 0, 0)).toBe(false);
  });
});
