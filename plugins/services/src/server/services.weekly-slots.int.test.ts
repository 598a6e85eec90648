import { randomUscc, useWorld } from '@city/testing';
import { describe, expect, it } from 'vitest';
import { beijingDate, weekdayOf } from '../weekly-slots.ts';
import { servicesPlugin } from './index.ts';
import { expectStatus, HOUR, openVendor, orderBody, paths } from './testing.ts';

const current = useWorld({ plugins: [servicesPlugin] });
const DAY = 24 * HOUR;

interface Slot {
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/** 周一至周五 9:00–11:00, 3 places, 4 weeks from tomorrow (Beijing). */
const workdayMornings = (now: Date) => ({
  weekdays: [1, 2, 3, 4, 5],
  startTime: '09:00',
  endTime: '11:00',
  capacity: 3,
  weeks: 4,
  from: beijingDate(new Date(now.getTime() + DAY)),
});

describe('weekly slot templates: a vendor fills weeks of slots at once', () => {
  it('creates every workday morning for 4 weeks in Beijing time, and a second send adds none', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const { vendor } = paths(world);
    const owner = { token: world.tokens.vendorOwner };
    const template = workdayMornings(h.clock.now());
    const url = `${vendor}/offerings/${s.offeringId}/slots/weekly`;

    const first = expectStatus('weekly', await h.call('POST', url, { ...owner, json: template }), 201);
    expect(first.body.skipped).toBe(0);
    const created: Slot[] = first.body.created;
    expect(created).toHaveLength(20);
    for (const slot of created) {
      const start = new Date(slot.startsAt);
      expect(weekdayOf(beijingDate(start))).toBeLessThanOrEqual(5);
      // 09:00 in Beijing is 01:00 UTC; two hours long.
      expect(start.getUTCHours()).toBe(1);
      expect(Date.parse(slot.endsAt) - start.getTime()).toBe(2 * HOUR);
      expect(slot.capacity).toBe(3);
    }
    expect(new Set(created.map((slot) => slot.startsAt)).size).toBe(20);

    const again = expectStatus('weekly again', await h.call('POST', url, { ...owner, json: template }), 201);
    expect(again.body).toEqual({ created: [], skipped: 20 });
    // One more week on top of the four: only its five mornings are new.
    const longer = await h.call('POST', url, { ...owner, json: { ...template, weeks: 5 } });
    expect(longer.body.created).toHaveLength(5);
    expect(longer.body.skipped).toBe(20);

    const listed = await h.call('GET', `${vendor}/offerings`, owner);
    const slots: Slot[] = listed.body.items.find((o: { id: string }) => o.id === s.offeringId).slots;
    // The one slot openVendor added, and the 25 mornings.
    expect(slots).toHaveLength(26);
  });

  it('skips times already past and refuses a window that ends before it starts', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const { vendor } = paths(world);
    const owner = { token: world.tokens.vendorOwner };
    const url = `${vendor}/offerings/${s.offeringId}/slots/weekly`;
    const yesterday = beijingDate(new Date(h.clock.now().getTime() - DAY));
    const everyDay = { weekdays: [1, 2, 3, 4, 5, 6, 7], startTime: '00:00', endTime: '00:30', capacity: 1, weeks: 1 };
    // Yesterday's and today's midnight have passed; the next five are to come.
    const week = await h.call('POST', url, { ...owner, json: { ...everyDay, from: yesterday } });
    expect(week.status).toBe(201);
    expect(week.body.created).toHaveLength(5);
    expect(week.body.skipped).toBe(2);

    const backwards = await h.call('POST', url, {
      ...owner,
      json: { ...everyDay, startTime: '11:00', endTime: '09:00' },
      headers: { 'accept-language': 'en' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors).toEqual([
      expect.objectContaining({ path: 'endTime', message: 'The end must come after the start' }),
    ]);
    for (const bad of [
      { weekdays: [] },
      { weekdays: [0] },
      { startTime: '9:00' },
      { weeks: 13 },
      { capacity: 0 },
      { from: '2026-13-01' },
    ]) {
      const refused = await h.call('POST', url, { ...owner, json: { ...everyDay, ...bad } });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
  });

  it("is refused to staff, to another business and to neighbourhood members; another vendor's offering is not found", async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const { vendor } = paths(world);
    const template = workdayMornings(h.clock.now());
    const url = `${vendor}/offerings/${s.offeringId}/slots/weekly`;

    // Staff of the business serve orders; the managers set its times.
    expect((await h.call('POST', url, { token: world.tokens.vendorStaff, json: template })).status).toBe(403);
    // People outside the business (a resident and an admin of A, where it serves) do not learn it exists.
    for (const token of [world.tokens.residentA, world.tokens.adminA, world.tokens.outsider]) {
      expect((await h.call('POST', url, { token, json: template })).status).toBe(404);
    }

    const rival = expectStatus(
      'rival',
      await h.call('POST', '/api/v1/organisations', {
        token: world.tokens.outsider,
        json: { name: '竞争对手', uscc: randomUscc(), contactName: '王', contactPhone: '13700001111' },
      }),
      201,
    );
    const throughRival = `/api/v1/o/${rival.body.id}/p/services/offerings/${s.offeringId}/slots/weekly`;
    const refused = await h.call('POST', throughRival, { token: world.tokens.outsider, json: template });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('services.offering_missing');

    const listed = await h.call('GET', `${vendor}/offerings`, { token: world.tokens.vendorOwner });
    expect(listed.body.items[0].slots).toHaveLength(1);
  });
});

describe('the figures vendors and residents read', () => {
  it("partitions the dashboard's orders: waiting, in progress, completed and cancelled add up to the total", async () => {
    const { h, world } = current;
    const s = await openVendor(h, world, 10);
    const { vendor, a } = paths(world);
    const resident = { token: world.tokens.residentA };
    const staff = { token: world.tokens.vendorStaff };
    const place = async () =>
      expectStatus('order', await h.call('POST', `${a}/orders`, { ...resident, json: orderBody(s) }), 201).body
        .id as string;
    const move = (orderId: string, to: string, reason?: string) =>
      h.call('POST', `${vendor}/orders/${orderId}/transition`, { ...staff, json: { to, reason } });

    await place();
    await move(await place(), 'accepted');
    const serving = await place();
    await move(serving, 'accepted');
    await move(serving, 'in_service');
    await move(await place(), 'declined', '人手不足');
    await h.call('POST', `${a}/orders/${await place()}/cancel`, { ...resident, json: {} });

    const dashboard = await h.call('GET', `${vendor}/dashboard`, staff);
    const { orders } = dashboard.body.neighbourhoods[0];
    expect(orders).toEqual({ placed: 1, inProgress: 2, completed: 0, cancelled: 2, total: 5 });
    expect(orders.placed + orders.inProgress + orders.completed + orders.cancelled).toBe(orders.total);
  });

  it("shows the resident the vendor's service phone and their own note on the order", async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const placed = await h.call('POST', `${paths(world).a}/orders`, {
      token: world.tokens.residentA,
      json: orderBody(s, { notes: '请带鞋套' }),
    });
    expect(placed.body).toMatchObject({ vendorPhone: '13800138000', notes: '请带鞋套' });
    const shown = await h.call('GET', `${paths(world).a}/orders/${placed.body.id}`, { token: world.tokens.residentA });
    expect(shown.body).toMatchObject({ vendorPhone: '13800138000', notes: '请带鞋套' });
  });
});
