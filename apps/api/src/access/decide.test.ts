import { describe, expect, it } from 'vitest';
import { refusal, type Caller } from './decide.ts';

const anonymous: Caller = {
  signedIn: false,
  operator: false,
  regionStaff: false,
  organisationRole: null,
  regionStaffHere: false,
  member: null,
};
const person: Caller = { ...anonymous, signedIn: true };
const member = (roles: string[], pluginRoles: string[] = []): Caller => ({ ...person, member: { roles, pluginRoles } });

describe('refusal (the one access check)', () => {
  it('admits anyone to public routes and any signed-in person to user routes', () => {
    expect(refusal(['public'], anonymous)).toBeNull();
    expect(refusal(['user'], anonymous)).toBe('unauthenticated');
    expect(refusal(['user'], person)).toBeNull();
  });

  it('denies by default: a route without grants admits nobody', () => {
    expect(refusal([], anonymous)).toBe('unauthenticated');
    expect(refusal([], { ...person, operator: true })).toBe('forbidden');
  });

  it('admits operators and region staff by what they are, not by where they are', () => {
    const grants = ['region-staff', 'operator'] as const;
    expect(refusal(grants, { ...person, operator: true })).toBeNull();
    expect(refusal(grants, { ...person, regionStaff: true })).toBeNull();
    expect(refusal(grants, member(['admin']))).toBe('forbidden');
  });

  it('hides an organisation from outsiders (404) and refuses its staff a role they lack (403)', () => {
    expect(refusal(['org:owner'], person)).toBe('not_found');
    expect(refusal(['org:owner'], { ...person, organisationRole: 'staff' })).toBe('forbidden');
    expect(refusal(['org:owner', 'org:manager'], { ...person, organisationRole: 'manager' })).toBeNull();
    expect(refusal(['org:member'], { ...person, organisationRole: 'staff' })).toBeNull();
  });

  it('hides a region from everyone not on its staff or above it (404), operators and other region staff included', () => {
    expect(refusal(['region:staff'], { ...person, regionStaffHere: true })).toBeNull();
    expect(refusal(['region:staff'], { ...person, regionStaff: true })).toBe('not_found');
    expect(refusal(['region:staff'], { ...person, operator: true })).toBe('not_found');
    expect(refusal(['region:staff'], member(['admin']))).toBe('not_found');
    expect(refusal(['region:staff'], anonymous)).toBe('unauthenticated');
  });

  it('hides a neighbourhood from non-members (404), admits members by core and plugin roles, else 403', () => {
    expect(refusal(['tenant:member'], person)).toBe('not_found');
    expect(refusal(['tenant:member'], member([]))).toBeNull();
    expect(refusal(['tenant:admin'], member(['resident']))).toBe('forbidden');
    expect(refusal(['tenant:admin', 'tenant:staff'], member(['staff']))).toBeNull();
    expect(
      refusal(['tenant:admin', 'plugin-role:contacts.editor'], member(['resident'], ['contacts.editor'])),
    ).toBeNull();
    // A role of another plugin with the same name admits nothing here.
    expect(refusal(['plugin-role:contacts.editor'], member(['resident'], ['voting.editor']))).toBe('forbidden');
  });

  it('lets any signed-in person onto visitor routes, member or not', () => {
    expect(refusal(['tenant:visitor'], person)).toBeNull();
    expect(refusal(['tenant:visitor'], anonymous)).toBe('unauthenticated');
  });

  it('reads grants outside the neighbourhood before those inside it', () => {
    expect(refusal(['operator', 'tenant:admin'], { ...person, operator: true })).toBeNull();
  });
});
