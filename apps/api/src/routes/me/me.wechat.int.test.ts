import type { DevWechatSender } from '@city/core';
import { seedRegistry, type TestApp, useWorld, type World } from '@city/testing';
import { describe, expect, it } from 'vitest';

async function withUnit(h: TestApp, world: World) {
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { owner: '韩梅' },
    units: [{ building: '3栋', room: '301', area: 9_000, owners: ['owner'] }],
  });
  return {};
}

const current = useWorld({ setUp: withUnit, wechatTemplates: { 'verification.rejected': 'TEMPLATE_REJECTED' } });

const bind = (h: TestApp, token: string | undefined, code: string) =>
  h.call('PUT', '/api/v1/me/wechat', { token, json: { code } });

/** Moves the test clock forward to the next hh:00 in Beijing. */
function advanceTo(h: TestApp, hour: number) {
  const now = h.clock.now().getTime();
  const minuteOfDay = (Math.floor(now / 60_000) + 8 * 60) % 1440;
  h.clock.advance(((hour * 60 - minuteOfDay + 1440) % 1440 || 1440) * 60_000 - (now % 60_000));
}

const toWechat = (h: TestApp, world: World) =>
  h.call('PUT', '/api/v1/me/notification-settings', {
    token: world.tokens.outsider,
    json: { channels: { 'verification.rejected': ['wechat'] }, quietHours: { start: 1320, end: 480 }, digest: false },
  });

async function rejectOutsider(h: TestApp, world: World) {
  const asked = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications`, {
    token: world.tokens.outsider,
    json: { building: '3栋', room: '301', relation: 'renter', displayName: '新租客', note: '' },
  });
  expect(asked.status).toBe(201);
  const rejected = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications/${asked.body.id}/reject`, {
    token: world.tokens.adminA,
    json: { reason: '房号与合同不符' },
  });
  expect(rejected.status).toBe(200);
  await h.services.pluginRuntime.dispatcher.idle();
  await h.services.notifier.idle();
}

describe('binding WeChat', () => {
  it('takes the mini-program’s sign-in code, and then the kinds the person routes to WeChat reach that account', async () => {
    const { h, world } = current;
    const sent = (h.services.wechat as DevWechatSender).sent;
    const bound = await bind(h, world.tokens.outsider, 'login-code-1');
    expect(bound.status).toBe(200);
    expect(bound.body.wechatBound).toBe(true);
    expect((await toWechat(h, world)).status).toBe(200);
    advanceTo(h, 10);
    await rejectOutsider(h, world);
    expect(sent).toEqual([
      expect.objectContaining({
        openid: 'dev-login-code-1',
        templateId: 'TEMPLATE_REJECTED',
        page: `/n/${world.tenantA.slug}/my`,
      }),
    ]);
  });

  it('moves an account bound before to the person who binds it now, and unbinds on request', async () => {
    const { h, world } = current;
    expect((await bind(h, world.tokens.outsider, 'shared-phone')).body.wechatBound).toBe(true);
    expect((await bind(h, world.tokens.residentA, 'shared-phone')).body.wechatBound).toBe(true);
    const outsider = await h.call('GET', '/api/v1/me/notification-settings', { token: world.tokens.outsider });
    expect(outsider.body.wechatBound).toBe(false);
    const unbound = await h.call('DELETE', '/api/v1/me/wechat', { token: world.tokens.residentA });
    expect(unbound.status).toBe(200);
    expect(unbound.body.wechatBound).toBe(false);
  });

  it('says so when WeChat refuses the code, and is for signed-in people only', async () => {
    const { h, world } = current;
    const refused = await bind(h, world.tokens.outsider, 'invalid');
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        path: 'body.code',
        code: 'wechat_code_invalid',
        message: expect.stringContaining('微信'),
      }),
    ]);
    expect((await bind(h, world.tokens.outsider, '')).status).toBe(400);
    expect((await bind(h, undefined, 'login-code-1')).status).toBe(401);
  });

  it('fails a message whose account was unbound while it waited, and shows the failure to its admins and operators', async () => {
    const { h, world } = current;
    await bind(h, world.tokens.outsider, 'login-code-2');
    await toWechat(h, world);
    advanceTo(h, 23);
    await rejectOutsider(h, world);
    await h.call('DELETE', '/api/v1/me/wechat', { token: world.tokens.outsider });
    advanceTo(h, 8);
    await h.services.notifier.sweep();
    await h.services.notifier.idle();
    expect((h.services.wechat as DevWechatSender).sent).toEqual([]);

    const settings = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/notification-settings`, {
      token: world.tokens.adminA,
    });
    expect(settings.body.failures).toEqual([
      expect.objectContaining({ kind: 'verification.rejected', channel: 'wechat', error: 'no WeChat binding' }),
    ]);
    const operators = await h.call('GET', '/api/v1/notification-failures?days=1', { token: world.tokens.operator });
    expect(operators.status).toBe(200);
    // Operators see every neighbourhood (on a shared server, other tests' too): this one's row is ours.
    const ours = operators.body.items.filter(
      (i: { neighbourhood: { slug: string } }) => i.neighbourhood.slug === world.tenantA.slug,
    );
    expect(ours).toEqual([
      {
        neighbourhood: { slug: world.tenantA.slug, name: world.tenantA.name },
        channel: 'wechat',
        failed: 1,
        lastAt: expect.any(String),
        lastError: 'no WeChat binding',
      },
    ]);
    // Operators see where and why, never whom or what.
    expect(JSON.stringify(operators.body)).not.toMatch(/新租客|房号|outsider/);
    expect((await h.call('GET', '/api/v1/notification-failures', { token: world.tokens.adminA })).status).toBe(403);
    expect((await h.call('GET', '/api/v1/notification-failures?days=0', { token: world.tokens.operator })).status).toBe(
      400,
    );
  });
});
