import { describe, expect, it } from 'vitest';
import { addResidents, signIn, useWorld } from '@city/testing';
import { servicesPlugin } from './index.ts';
import { bookedSeats, openVendor, orderBody, paths, verifyHomes } from './testing.ts';

const current = useWorld({ plugins: [servicesPlugin] });

describe('orders under concurrency', () => {
  it('never oversells: 100 residents order a slot of 5 at once → exactly 5 placed, 95 told it is full', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world, 5);
    const people = await addResidents(
      h,
      world.tenantA.id,
      Array.from({ length: 100 }, (_, i) => `住户${i}`),
    );
    const tokens = await signIn(h, people);
    const units = await verifyHomes(h, world.tenantA.id, people, '9栋');
    const { a, vendor } = paths(world);

    const results = await Promise.all(
      tokens.map((token, i) =>
        h.call('POST', `${a}/orders`, {
          token,
          json: orderBody(s, { unitId: units[i] }),
          headers: { 'Idempotency-Key': `rush-${i}` },
        }),
      ),
    );
    const placed = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    expect(placed).toHaveLength(5);
    expect(refused).toHaveLength(95);
    for (const r of refused)
      expect(r.body).toMatchObject({ code: 'services.slot_full', title: '该时段已约满，请选择其他时段' });
    expect(await bookedSeats(h, world, s.slotId)).toEqual({ booked: 5, capacity: 5 });
    const inbox = await h.call('GET', `${vendor}/orders`, { token: world.tokens.vendorOwner });
    expect(inbox.body.items).toHaveLength(5);
  });

  it('one Idempotency-Key sent ten times at once makes one order, one seat and one notification', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world, 5);
    const { a } = paths(world);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        h.call('POST', `${a}/orders`, {
          token: world.tokens.residentA,
          json: orderBody(s),
          headers: { 'Idempotency-Key': 'same' },
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    expect((await bookedSeats(h, world, s.slotId))?.booked).toBe(1);
    await h.services.notifier.idle();
    const inbox = await h.call('GET', '/api/v1/me/notifications', { token: world.tokens.vendorOwner });
    expect(inbox.body.items).toEqual([expect.objectContaining({ kind: 'services.order.placed' })]);
  });
});
