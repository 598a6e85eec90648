import { expect } from 'vitest';
import { seedRegistry, type TestApp, type World } from '@city/testing';
import { CONSENT } from '../values.ts';
import { partyPlugin } from './index.ts';

/** A path of the plugin's member API in a neighbourhood. */
export const party = (slug: string, path: string) => `/api/v1/t/${slug}/p/party${path}`;

/**
 * The plugin installed in A and B with a branch each (named after the neighbourhood), and residentA a confirmed member
 * of A's with their home verified (showing the badge if asked). Returns their registration's id.
 */
export async function branchWithMember(h: TestApp, world: World, options: { badge?: boolean } = {}) {
  for (const [admin, tenant] of [
    ['adminA', world.tenantA],
    ['adminB', world.tenantB],
  ] as const) {
    const installed = await h.call('POST', `/api/v1/t/${tenant.slug}/plugins/party/install`, {
      token: world.tokens[admin],
      json: { grantedScopes: [...partyPlugin.manifest.scopes] },
    });
    expect(installed.status, JSON.stringify(installed.body)).toBe(200);
    await h.call('PUT', party(tenant.slug, '/branch'), {
      token: world.tokens[admin],
      json: { name: `${tenant.name}党支部` },
    });
  }
  const { unitIds } = await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { sun: '孙' },
    units: [{ building: '1栋', room: '101', area: 9_000, owners: ['sun'] }],
    verified: { sun: world.users.residentA.id },
  });
  const A = world.tenantA.slug;
  await h.call('POST', party(A, '/registration'), {
    token: world.tokens.residentA,
    json: { consentVersion: CONSENT.version, workUnit: '区医院', homeUnitId: unitIds[0] },
  });
  const [member] = (await h.call('GET', party(A, '/branch/members'), { token: world.tokens.adminA })).body.items;
  await h.call('POST', party(A, `/branch/members/${member.id}/decision`), {
    token: world.tokens.adminA,
    json: { action: 'confirm' },
  });
  if (options.badge)
    await h.call('PUT', party(A, '/registration/badge'), { token: world.tokens.residentA, json: { show: true } });
  return { partyMemberId: member.id as string };
}
