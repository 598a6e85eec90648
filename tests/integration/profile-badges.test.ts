import { describe, expect, it } from 'vitest';
import { seedRegistry, useWorld, type TestApp, type World } from '@city/testing';
import { partyPlugin } from '@city/plugin-party/server';
import { votingPlugin } from '@city/plugin-voting/server';
import { CONSENT } from '../../plugins/party/src/values.ts';

/**
 * Profile badges across plugins: a party member's 亮身份, set through the party plugin, shown next to their name on
 * 议事's topics and replies through the core, which knows nothing of either.
 */
const base = (slug: string) => `/api/v1/t/${slug}`;
const party = (slug: string, path: string) => `${base(slug)}/p/party${path}`;

async function setUp(h: TestApp, world: World) {
  for (const plugin of [partyPlugin, votingPlugin]) {
    const res = await h.call('POST', `${base(world.tenantA.slug)}/plugins/${plugin.manifest.id}/install`, {
      token: world.tokens.adminA,
      json: { grantedScopes: [...plugin.manifest.scopes] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const registry = await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { sun: '孙' },
    units: [{ building: '1栋', room: '101', area: 9_000, owners: ['sun'] }],
    verified: { sun: world.users.residentA.id },
  });
  return { unitIds: registry.unitIds };
}

const current = useWorld({ plugins: [partyPlugin, votingPlugin], setUp });

describe('profile badges', () => {
  it('shows the badge in other plugins only after the member opts in, and takes it away at once', async () => {
    const { h, world, prepared } = current;
    const A = world.tenantA.slug;
    await h.call('PUT', party(A, '/branch'), { token: world.tokens.adminA, json: { name: '甲小区党支部' } });
    await h.call('POST', party(A, '/registration'), {
      token: world.tokens.residentA,
      json: { consentVersion: CONSENT.version, workUnit: '区人民医院', homeUnitId: prepared.unitIds[0] },
    });
    const [pending] = (await h.call('GET', party(A, '/branch/members'), { token: world.tokens.adminA })).body.items;
    await h.call('POST', party(A, `/branch/members/${pending.id}/decision`), {
      token: world.tokens.adminA,
      json: { action: 'confirm' },
    });
    const topic = await h.call('POST', `${base(A)}/p/voting/topics`, {
      token: world.tokens.residentA,
      json: { title: '增设充电桩', body: '地库可否增设电动车充电桩？', buildingId: null },
    });
    expect(topic.status).toBe(201);
    const topicId = topic.body.id;
    await h.call('POST', `${base(A)}/p/voting/topics/${topicId}/replies`, {
      token: world.tokens.residentA,
      json: { body: '我先来说说想法' },
    });
    const read = async () =>
      (await h.call('GET', `${base(A)}/p/voting/topics/${topicId}`, { token: world.tokens.committeeA })).body;
    // Confirmed, but not shown: nothing of the membership reaches another plugin.
    expect((await read()).authorBadges).toEqual([]);

    const shown = await h.call('PUT', party(A, '/registration/badge'), {
      token: world.tokens.residentA,
      json: { show: true },
    });
    expect(shown.body).toMatchObject({ showBadge: true });
    const badge = { plugin: 'party', label: { 'zh-CN': '共产党员', en: 'Party member' } };
    const detail = await read();
    expect(detail.authorBadges).toEqual([badge]);
    expect(detail.replies[0].authorBadges).toEqual([badge]);
    const list = await h.call('GET', `${base(A)}/p/voting/topics`, { token: world.tokens.staffA });
    expect(list.body.items.find((t: { id: string }) => t.id === topicId).authorBadges).toEqual([badge]);

    // Disabling the plugin hides it too (the core shows no badge of a plugin that is not enabled).
    await h.call('POST', `${base(A)}/plugins/party/disable`, { token: world.tokens.adminA });
    expect((await read()).authorBadges).toEqual([]);
    await h.call('POST', `${base(A)}/plugins/party/enable`, { token: world.tokens.adminA });
    expect((await read()).authorBadges).toEqual([badge]);

    await h.call('PUT', party(A, '/registration/badge'), { token: world.tokens.residentA, json: { show: false } });
    expect((await read()).authorBadges).toEqual([]);
  });
});
