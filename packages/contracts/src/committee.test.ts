import { describe, expect, it } from 'vitest';
import { CommitteeTermInputSchema, PreparatoryGroupInputSchema } from './committee.ts';

describe('the bodies’ composition rules', () => {
  it('reports field errors, not a crash, whatever the request holds', () => {
    for (const body of [
      { electedOn: 'i>>Jy', startsOn: '\\U^!', endsOn: '}', seats: 10 },
      { electedOn: '2026-02-30', startsOn: 3, endsOn: null, seats: 'x' },
      {},
    ])
      expect(CommitteeTermInputSchema.safeParse(body).success).toBe(false);
    for (const body of [{ formedOn: '2026-01-01', members: 'x' }, { members: [null, 1, 'a'] }, { members: {} }, {}])
      expect(PreparatoryGroupInputSchema.safeParse(body).success).toBe(false);
  });

  it('counts owners, the leader and the size of a 筹备组', () => {
    const m = (seat: string, lead = false) => ({ name: '某某', seat, lead });
    const issues = (members: object[]) =>
      PreparatoryGroupInputSchema.safeParse({ formedOn: '2026-12-01', members }).error?.issues.map((i) => i.message) ??
      [];
    expect(issues([m('street', true), m('owner'), m('owner')])).toEqual([]);
    expect(issues([m('street', true), m('owner'), m('owner'), m('owner')])).toEqual(['preparatory_odd']);
    expect(issues([m('street', true), m('developer'), m('owner')])).toEqual(['preparatory_owners_half']);
    expect(issues([m('community', true), m('owner'), m('owner')])).toEqual(['preparatory_street_lead']);
  });
});
