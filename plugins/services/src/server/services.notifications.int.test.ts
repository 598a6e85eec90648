import { schema, type TestApp, useWorld, withTenant, type World } from '@city/testing';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { servicesPlugin } from './index.ts';
import { expectStatus, openVendor, orderBody, paths } from './testing.ts';

const current = useWorld({ plugins: [servicesPlugin], setUp: openVendor });

async function settle(h: TestApp) {
  await h.services.pluginRuntime.dispatcher.idle();
  await h.services.notifier.idle();
}

const inbox = async (h: TestApp, token: string | undefined) =>
  (await h.call('GET', '/api/v1/me/notifications', { token })).body.items as {
    kind: string;
    title: string;
    body: string;
    link: string;
  }[];

async function place(h: TestApp, world: World, key?: string) {
  const res = await h.call('POST', `${paths(world).a}/orders`, {
    token: world.tokens.residentA,
    json: orderBody(current.prepared),
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });
  return expectStatus('order', res, 201).body.id as string;
}

describe('生活服务 notifications', () => {
  it('tell the business’s staff of a new order once, however often it is retried, and the resident of each move', async () => {
    const { h, world } = current;
    const key = `order-${Math.random()}`;
    const orderId = await place(h, world, key);
    expect(await place(h, world, key)).toBe(orderId);
    await settle(h);
    for (const staff of ['vendorOwner', 'vendorStaff'] as const) {
      expect(await inbox(h, world.tokens[staff])).toEqual([
        expect.objectContaining({
          kind: 'services.order.placed',
          title: '新订单：日常保洁（两小时）',
          link: `/vendor/${world.organisation.id}/apps/services/orders`,
        }),
      ]);
    }
    // The resident follows it from their home page.
    const todo = await h.call('GET', '/api/v1/me/todo', { token: world.tokens.residentA });
    expect(todo.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'services.order',
          title: '订单进行中：日常保洁（两小时）',
          link: `/n/${world.tenantA.slug}/p/services/orders/${orderId}`,
        }),
      ]),
    );
    // Neither the neighbourhood's admin nor another resident.
    expect(await inbox(h, world.tokens.adminA)).toEqual([]);
    expect(await inbox(h, world.tokens.committeeA)).toEqual([]);

    const move = (to: string, reason?: string) =>
      h.call('POST', `${paths(world).vendor}/orders/${orderId}/transition`, {
        token: world.tokens.vendorStaff,
        json: { to, ...(reason ? { reason } : {}) },
      });
    expectStatus('accept', await move('accepted'), 200);
    await settle(h);
    expect(await inbox(h, world.tokens.residentA)).toEqual([
      expect.objectContaining({
        kind: 'services.order.updated',
        title: '日常保洁（两小时）：商家已接单',
        link: `/n/${world.tenantA.slug}/p/services/orders/${orderId}`,
      }),
    ]);
  });

  it('leave a neighbourhood that has not granted the scope alone: its orders go through without notifications', async () => {
    const { h, world } = current;
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx
        .update(schema.pluginInstalls)
        .set({ grantedScopes: ['members:homes', 'audit:write'], version: '1.0.0' })
        .where(eq(schema.pluginInstalls.pluginId, 'services')),
    );
    const orderId = await place(h, world);
    const accepted = await h.call('POST', `${paths(world).vendor}/orders/${orderId}/transition`, {
      token: world.tokens.vendorStaff,
      json: { to: 'accepted' },
    });
    expect(accepted.status).toBe(200);
    await settle(h);
    expect(await inbox(h, world.tokens.vendorStaff)).toEqual([]);
    expect(await inbox(h, world.tokens.residentA)).toEqual([]);
  });
});
