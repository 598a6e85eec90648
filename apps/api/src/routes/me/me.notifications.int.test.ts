import { schema, withTenant } from '@city/db';
import { seedRegistry, type TestApp, useWorld, type World } from '@city/testing';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

/** A unit in A that the outsider asks to be verified for. */
async function withUnit(h: TestApp, world: World) {
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { owner: '韩梅' },
    units: [{ building: '3栋', room: '301', area: 9_000, owners: ['owner'] }],
  });
  return {};
}

const current = useWorld({ setUp: withUnit });

/** Moves the test clock forward to the next hh:mm in Beijing. */
function advanceTo(h: TestApp, hour: number, minute = 0) {
  const now = h.clock.now().getTime();
  const minuteOfDay = (Math.floor(now / 60_000) + 8 * 60) % 1440;
  const wait = ((hour * 60 + minute - minuteOfDay + 1440) % 1440 || 1440) * 60_000 - (now % 60_000);
  h.clock.advance(wait);
}

async function settle(h: TestApp) {
  await h.services.pluginRuntime.dispatcher.idle();
  await h.services.notifier.idle();
}

/** The outsider asks to be verified in A; the request's id. */
async function ask(h: TestApp, world: World) {
  const res = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications`, {
    token: world.tokens.outsider,
    json: { building: '3栋', room: '301', relation: 'renter', displayName: '新租客', note: '' },
  });
  expect(res.status).toBe(201);
  await settle(h);
  return res.body.id as string;
}

const inbox = (h: TestApp, token: string | undefined, query = '') =>
  h.call('GET', `/api/v1/me/notifications${query}`, { token });

describe('my notifications', () => {
  it('tell the admins of a request and the person of the decision, in their inbox, with the unread count', async () => {
    const { h, world } = current;
    const id = await ask(h, world);
    expect((await h.call('GET', '/api/v1/me/todo', { token: world.tokens.outsider })).body.items).toEqual([
      expect.objectContaining({ kind: 'core.verification_pending', title: '房屋认证审核中：3栋 301', urgent: false }),
    ]);
    const admin = await inbox(h, world.tokens.adminA);
    expect(admin.body.items).toEqual([
      expect.objectContaining({
        kind: 'verification.requested',
        title: '新租客 申请房屋认证',
        link: `/n/${world.tenantA.slug}/verifications`,
        neighbourhood: { slug: world.tenantA.slug, name: world.tenantA.name },
        readAt: null,
      }),
    ]);
    // Nobody else: not a resident of A, not B's admin.
    expect((await inbox(h, world.tokens.residentA)).body.items).toEqual([]);
    expect((await inbox(h, world.tokens.adminB)).body.items).toEqual([]);

    const approved = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications/${id}/approve`, {
      token: world.tokens.adminA,
      json: { relation: 'renter', reason: '租房合同已核对' },
    });
    expect(approved.status).toBe(200);
    await settle(h);
    const mine = await inbox(h, world.tokens.outsider);
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        kind: 'verification.approved',
        title: expect.stringContaining('认证通过'),
        link: `/n/${world.tenantA.slug}/my`,
      }),
    ]);
    const me = await h.call('GET', '/api/v1/me', { token: world.tokens.outsider });
    expect(me.body.unreadNotifications).toBe(1);
    // English readers read it in English.
    const english = await h.call('GET', '/api/v1/me/notifications', {
      token: world.tokens.outsider,
      headers: { 'accept-language': 'en' },
    });
    expect(english.body.items[0].title).toMatch(/^Verified: /);

    // Marked read by its reader only; another person's id is a 404.
    const itemId = mine.body.items[0].id as string;
    expect(
      (await h.call('POST', `/api/v1/me/notifications/${itemId}/read`, { token: world.tokens.adminA })).status,
    ).toBe(404);
    expect(
      (await h.call('POST', `/api/v1/me/notifications/${itemId}/read`, { token: world.tokens.outsider })).status,
    ).toBe(204);
    expect((await h.call('GET', '/api/v1/me', { token: world.tokens.outsider })).body.unreadNotifications).toBe(0);
    expect((await inbox(h, world.tokens.outsider, '?unread=true')).body.items).toEqual([]);
    expect((await h.call('POST', '/api/v1/me/notifications/read-all', { token: world.tokens.adminA })).status).toBe(
      204,
    );
    expect((await h.call('GET', '/api/v1/me', { token: world.tokens.adminA })).body.unreadNotifications).toBe(0);
    expect((await h.call('GET', '/api/v1/me/notifications')).status).toBe(401);
  });

  it('text a decision to a person who chose texts for it — after their quiet hours — and only once', async () => {
    const { h, world } = current;
    const outsider = world.users.outsider;
    const settings = await h.call('PUT', '/api/v1/me/notification-settings', {
      token: world.tokens.outsider,
      json: {
        channels: { 'verification.rejected': ['sms'] },
        quietHours: { start: 22 * 60, end: 8 * 60 },
        digest: false,
      },
    });
    expect(settings.status).toBe(200);
    expect(settings.body.preferences.channels).toEqual({ 'verification.rejected': ['sms'] });
    expect(settings.body.kinds).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'verification.rejected', name: '认证未通过' })]),
    );
    // 23:00 in Beijing: the text waits for 08:00.
    advanceTo(h, 23);
    const id = await ask(h, world);
    const texts = () => h.sms.list(outsider.phone).filter((m) => m.text.includes('新消息'));
    const rejected = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications/${id}/reject`, {
      token: world.tokens.adminA,
      json: { reason: '房号与合同不符' },
    });
    expect(rejected.status).toBe(200);
    await settle(h);
    // The home page's to-do list says what to do next.
    const todo = await h.call('GET', '/api/v1/me/todo', { token: world.tokens.outsider });
    expect(todo.body.items).toEqual([
      expect.objectContaining({
        kind: 'core.verification_rejected',
        urgent: true,
        action: '重新申请',
        link: `/n/${world.tenantA.slug}/my`,
        body: expect.stringContaining('房号与合同不符'),
      }),
    ]);
    expect((await inbox(h, world.tokens.outsider)).body.items[0]).toMatchObject({
      kind: 'verification.rejected',
      body: expect.stringContaining('房号与合同不符'),
    });
    expect(texts()).toEqual([]);
    advanceTo(h, 7, 59);
    await h.services.notifier.sweep();
    expect(texts()).toEqual([]);
    advanceTo(h, 8);
    await h.services.notifier.sweep();
    await h.services.notifier.sweep();
    expect(texts()).toEqual([expect.objectContaining({ text: expect.stringContaining('认证未通过') })]);
  });

  it('stream the unread count to a signed-in browser, and announce a new item as it arrives', async () => {
    const { h, world } = current;
    // Without asking for a stream: the count, then the end.
    const snapshot = await h.call('GET', '/api/v1/me/notifications/stream', { token: world.tokens.adminA });
    expect(snapshot.status).toBe(200);
    expect(snapshot.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(snapshot.body).toBe('event: unread\ndata: {"unread":0}\n\n');

    const abort = new AbortController();
    const res = await h.app.request('/api/v1/me/notifications/stream', {
      headers: { authorization: `Bearer ${world.tokens.adminA}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const next = async () => decoder.decode((await reader.read()).value);
    expect(await next()).toBe('event: unread\ndata: {"unread":0}\n\n');
    await ask(h, world);
    let events = '';
    while (!events.includes('event: unread')) events += await next();
    expect(events).toBe('event: notification\ndata: {"unread":1}\n\nevent: unread\ndata: {"unread":1}\n\n');
    abort.abort();
    await reader.cancel();
    expect((await h.call('GET', '/api/v1/me/notifications/stream')).status).toBe(401);
  });

  it('write nothing when the cause rolls back, and refuse unknown kinds in preferences', async () => {
    const { h, world } = current;
    const bad = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications`, {
      token: world.tokens.outsider,
      json: { building: '3栋', room: '999', relation: 'renter', displayName: '新租客', note: '' },
    });
    expect(bad.status).toBeGreaterThanOrEqual(400);
    await settle(h);
    const causes = await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.select({ n: count() }).from(schema.notificationCauses),
    );
    expect(causes[0]!.n).toBe(0);
    const unknown = await h.call('PUT', '/api/v1/me/notification-settings', {
      token: world.tokens.outsider,
      json: { channels: { 'no.such-kind': ['sms'] }, quietHours: { start: 0, end: 0 }, digest: false },
    });
    expect(unknown.status).toBe(400);
  });
});
