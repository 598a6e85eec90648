import { seedRegistry, type TestApp, useWorld, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';

async function withUnit(h: TestApp, world: World) {
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { owner: '韩梅' },
    units: [{ building: '3栋', room: '301', area: 9_000, owners: ['owner'] }],
  });
  return {};
}

const current = useWorld({ setUp: withUnit });

async function ask(h: TestApp, world: World) {
  const res = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications`, {
    token: world.tokens.outsider,
    json: { building: '3栋', room: '301', relation: 'renter', displayName: '新租客', note: '' },
  });
  expect(res.status).toBe(201);
  await h.services.notifier.idle();
}

describe('a neighbourhood’s notification settings', () => {
  it('let its admins turn a kind off, and show how far each notification reached and what failed', async () => {
    const { h, world } = current;
    const path = `/api/v1/t/${world.tenantA.slug}/notification-settings`;
    const admin = { token: world.tokens.adminA };
    await ask(h, world);
    const before = await h.call('GET', path, admin);
    expect(before.status).toBe(200);
    expect(before.body.kinds).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'verification.requested', on: true, defaultOn: true }),
        expect.objectContaining({ kind: 'notice.published', on: false, defaultOn: false }),
      ]),
    );
    expect(before.body.retentionDays).toBe(180);
    expect(before.body.fanOuts).toEqual([
      expect.objectContaining({ kind: 'verification.requested', status: 'done', total: 1, expanded: 1 }),
    ]);
    expect(before.body.failures).toEqual([]);

    const saved = await h.call('PUT', path, {
      ...admin,
      json: { kinds: { 'verification.requested': false }, retentionDays: 90 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ retentionDays: 90 });
    expect(saved.body.kinds).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'verification.requested', on: false })]),
    );
    // Off here: the next request reaches no admin's inbox.
    await h.call('POST', `/api/v1/me/notifications/read-all`, admin);
    await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications`, {
      token: world.tokens.outsider,
      json: { building: '3栋', room: '301', relation: 'family', displayName: '新租客', note: '' },
    });
    await h.services.notifier.idle();
    expect((await h.call('GET', '/api/v1/me', admin)).body.unreadNotifications).toBe(0);
    const trail = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit?limit=5`, admin);
    expect(trail.body.items[0]).toMatchObject({ action: 'notifications.settings_changed' });
  });

  it('are an admin’s of that neighbourhood only, and refuse what is not a kind or a sensible period', async () => {
    const { h, world } = current;
    const path = `/api/v1/t/${world.tenantA.slug}/notification-settings`;
    expect((await h.call('GET', path, { token: world.tokens.residentA })).status).toBe(403);
    expect((await h.call('GET', path, { token: world.tokens.adminB })).status).toBe(404);
    const bad = await h.call('PUT', path, {
      token: world.tokens.adminA,
      json: { kinds: { 'no.such-kind': true }, retentionDays: 3 },
    });
    expect(bad.status).toBe(400);
  });
});
