import { describe, expect, it } from 'vitest';
import { schema, useWorld, withTenant } from '@city/testing';
import { eq } from 'drizzle-orm';
import { servicesManifest } from '../manifest.ts';
import { servicesPlugin } from './index.ts';
import {
  bookedSeats,
  expectStatus,
  HOUR,
  installServices,
  openVendor,
  orderBody,
  paths,
  verifyHomes,
} from './testing.ts';

const current = useWorld({ plugins: [servicesPlugin] });

describe('local services: a vendor serves a neighbourhood, residents order, track and review', () => {
  it('runs the whole journey: apply → admit → list → order → accept → serve → complete (paid) → review → reply', async () => {
    const { h, world } = current;
    const { vendor, a } = paths(world);
    const owner = { token: world.tokens.vendorOwner };
    await installServices(h, world);

    // The vendor sees where it may apply; it needs a profile first.
    const options = await h.call('GET', `${vendor}/neighbourhoods`, owner);
    expect(options.body.items.map((n: { slug: string }) => n.slug)).toEqual(
      expect.arrayContaining([world.tenantA.slug, world.tenantB.slug]),
    );
    expect(
      (await h.call('POST', `${vendor}/applications`, { ...owner, json: { neighbourhood: world.tenantA.slug } })).body
        .code,
    ).toBe('services.profile_missing');
    expectStatus(
      'profile',
      await h.call('PUT', `${vendor}/profile`, {
        ...owner,
        json: { intro: '十年家政经验', phone: '13800138000', categories: ['housekeeping'] },
      }),
      200,
    );
    const applied = await h.call('POST', `${vendor}/applications`, {
      ...owner,
      json: { neighbourhood: world.tenantA.slug, note: '驻点在东门' },
    });
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ status: 'pending', tenantName: world.tenantA.name });
    expect(
      (await h.call('POST', `${vendor}/applications`, { ...owner, json: { neighbourhood: world.tenantA.slug } })).body
        .code,
    ).toBe('services.already_applied');

    // A's admin sees the applicant's profile, and admits it.
    const pending = await h.call('GET', `${a}/admin/vendors`, { token: world.tokens.adminA });
    expect(pending.body.items).toEqual([
      expect.objectContaining({
        organisationId: world.organisation.id,
        status: 'pending',
        intro: '十年家政经验',
        note: '驻点在东门',
      }),
    ]);
    const admitted = await h.call('POST', `${a}/admin/vendors/${world.organisation.id}/decision`, {
      token: world.tokens.adminA,
      json: { decision: 'admit' },
    });
    expect(admitted.body).toMatchObject({ status: 'admitted', decidedByName: world.users.adminA.displayName });
    expectStatus(
      'service point',
      await h.call('PUT', `${vendor}/admissions/${world.tenantA.id}/service-point`, {
        ...owner,
        json: { address: '东门商铺3号', hours: '每天 8:00–20:00' },
      }),
      200,
    );

    // An offering, listed in A only (B has not admitted the vendor), with a slot of two seats.
    const offering = await h.call('POST', `${vendor}/offerings`, {
      ...owner,
      json: {
        title: '日常保洁（两小时）',
        description: '擦窗、拖地、厨卫清洁',
        category: 'housekeeping',
        priceFen: 12000,
        priceUnit: 'visit',
      },
    });
    expect(offering.status).toBe(201);
    const listIn = (tenantIds: string[]) =>
      h.call('PUT', `${vendor}/offerings/${offering.body.id}/neighbourhoods`, { ...owner, json: { tenantIds } });
    expect((await listIn([world.tenantA.id, world.tenantB.id])).body.code).toBe('services.neighbourhood_not_admitted');
    expect((await listIn([world.tenantA.id])).body.tenantIds).toEqual([world.tenantA.id]);
    const startsAt = new Date(h.clock.now().getTime() + 24 * HOUR);
    const slot = await h.call('POST', `${vendor}/offerings/${offering.body.id}/slots`, {
      ...owner,
      json: {
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
        capacity: 2,
      },
    });
    expect(slot.body).toMatchObject({ capacity: 2, booked: 0, remaining: 2 });

    // A resident finds it by a Chinese word, by category, and by the category's name; B's residents do not see it.
    const [unitId] = await verifyHomes(h, world.tenantA.id, [world.users.residentA.id]);
    const resident = { token: world.tokens.residentA };
    for (const query of ['?q=保洁', '?category=housekeeping', '?q=家政', '']) {
      const found = await h.call('GET', `${a}/offerings${query}`, resident);
      expect(
        found.body.items.map((o: { id: string }) => o.id),
        query,
      ).toEqual([offering.body.id]);
    }
    expect((await h.call('GET', `${a}/offerings?q=维修`, resident)).body.items).toEqual([]);
    expect((await h.call('GET', `${paths(world).b}/offerings`, { token: world.tokens.adminB })).body.items).toEqual([]);
    const detail = await h.call('GET', `${a}/offerings/${offering.body.id}`, resident);
    expect(detail.body).toMatchObject({
      vendor: {
        servicePoint: { address: '东门商铺3号', hours: '每天 8:00–20:00' },
        rating: { average: null, count: 0 },
      },
      slots: [expect.objectContaining({ id: slot.body.id, remaining: 2 })],
      homes: [{ unitId, address: '1栋 1001' }],
    });

    // The order, with an Idempotency-Key: repeating it answers the same order and takes no second seat.
    const body = {
      offeringId: offering.body.id,
      slotId: slot.body.id,
      unitId,
      quantity: 1,
      contactPhone: '13912345678',
      notes: '家里有猫',
    };
    const placed = await h.call('POST', `${a}/orders`, {
      ...resident,
      json: body,
      headers: { 'Idempotency-Key': 'order-1' },
    });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({
      status: 'placed',
      amountFen: 12000,
      address: '1栋 1001',
      payment: { provider: 'offline_on_completion', status: 'due_on_completion' },
    });
    const again = await h.call('POST', `${a}/orders`, {
      ...resident,
      json: body,
      headers: { 'Idempotency-Key': 'order-1' },
    });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(placed.body.id);
    const misuse = await h.call('POST', `${a}/orders`, {
      ...resident,
      json: { ...body, notes: '改了' },
      headers: { 'Idempotency-Key': 'order-1' },
    });
    expect(misuse.body.code).toBe('services.idempotency_mismatch');
    expect((await bookedSeats(h, world, slot.body.id))?.booked).toBe(1);

    // The vendor's inbox: polling with changedSince returns the new order and then nothing.
    const before = new Date(h.clock.now().getTime() - 1000).toISOString();
    const inbox = await h.call('GET', `${vendor}/orders?changedSince=${encodeURIComponent(before)}`, {
      token: world.tokens.vendorStaff,
    });
    expect(inbox.body.items).toEqual([
      expect.objectContaining({
        id: placed.body.id,
        tenantName: world.tenantA.name,
        notes: '家里有猫',
        contactPhone: '13912345678',
      }),
    ]);
    const later = new Date(h.clock.now().getTime() + 1000).toISOString();
    expect(
      (await h.call('GET', `${vendor}/orders?changedSince=${encodeURIComponent(later)}`, owner)).body.items,
    ).toEqual([]);

    // Staff move it along; each move is recorded with who and when; completion settles the offline payment.
    const move = (to: string, reason?: string) =>
      h.call('POST', `${vendor}/orders/${placed.body.id}/transition`, {
        token: world.tokens.vendorStaff,
        json: { to, ...(reason ? { reason } : {}) },
      });
    expect((await move('completed')).body.code).toBe('services.transition_invalid');
    expect((await move('accepted')).body.status).toBe('accepted');
    h.clock.advance(24 * HOUR);
    expect((await move('in_service')).body.status).toBe('in_service');
    const done = await move('completed');
    expect(done.body).toMatchObject({
      status: 'completed',
      payment: { status: 'paid', reference: expect.stringContaining('offline:') },
    });
    expect(
      done.body.events.map((e: { toStatus: string; actorKind: string }) => `${e.actorKind}:${e.toStatus}`),
    ).toEqual(['resident:placed', 'vendor:accepted', 'vendor:in_service', 'vendor:completed']);

    // The resident reviews once; the vendor answers once; the rating shows where residents choose.
    const review = await h.call('POST', `${a}/orders/${placed.body.id}/review`, {
      ...resident,
      json: { rating: 5, comment: '很干净' },
    });
    expect(review.status).toBe(201);
    expect(
      (await h.call('POST', `${a}/orders/${placed.body.id}/review`, { ...resident, json: { rating: 1 } })).body.code,
    ).toBe('services.already_reviewed');
    expect(
      (await h.call('POST', `${vendor}/reviews/${placed.body.id}/reply`, { ...owner, json: { reply: '谢谢支持' } }))
        .body.reply,
    ).toBe('谢谢支持');
    expect(
      (await h.call('POST', `${vendor}/reviews/${placed.body.id}/reply`, { ...owner, json: { reply: '再谢' } })).body
        .code,
    ).toBe('services.already_replied');
    const listed = await h.call('GET', `${a}/offerings`, resident);
    expect(listed.body.items[0].rating).toEqual({ average: 5, count: 1 });
    const mine = await h.call('GET', `${a}/orders/${placed.body.id}`, resident);
    expect(mine.body).toMatchObject({ reviewed: true, review: { rating: 5, reply: '谢谢支持' } });

    // The vendor's dashboard across neighbourhoods; the admin sees volume, not the resident's notes.
    const dashboard = await h.call('GET', `${vendor}/dashboard`, owner);
    expect(dashboard.body.neighbourhoods).toEqual([
      expect.objectContaining({
        tenantId: world.tenantA.id,
        status: 'admitted',
        orders: { placed: 0, inProgress: 0, completed: 1, cancelled: 0, total: 1 },
        revenueFen: 12000,
        rating: { average: 5, count: 1 },
      }),
    ]);
    const adminView = await h.call('GET', `${a}/admin/vendors`, { token: world.tokens.adminA });
    expect(adminView.body.items[0]).toMatchObject({
      orders: { total: 1, completed: 1 },
      rating: { average: 5, count: 1 },
    });
    expect(JSON.stringify(adminView.body)).not.toContain('家里有猫');
  });

  it('orders only to a verified home, in a slot still to come, and cancels by the rules', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world, 2);
    const { vendor, a } = paths(world);
    const resident = { token: world.tokens.residentA };

    expect((await h.call('POST', `${a}/orders`, { token: world.tokens.staffA, json: orderBody(s) })).body.code).toBe(
      'services.not_verified',
    );
    const [otherUnit] = await verifyHomes(h, world.tenantA.id, [world.users.committeeA.id], '2栋');
    expect(
      (await h.call('POST', `${a}/orders`, { ...resident, json: orderBody(s, { unitId: otherUnit }) })).body.code,
    ).toBe('services.not_your_home');
    const bad = await h.call('POST', `${a}/orders`, {
      ...resident,
      json: orderBody(s, { contactPhone: '123', quantity: 0 }),
      locale: 'en',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['contactPhone', 'quantity']);

    // Cancelling a placed order gives its seat back.
    const first = await h.call('POST', `${a}/orders`, { ...resident, json: orderBody(s) });
    expect((await bookedSeats(h, world, s.slotId))?.booked).toBe(1);
    const cancelled = await h.call('POST', `${a}/orders/${first.body.id}/cancel`, {
      ...resident,
      json: { reason: '临时有事' },
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', payment: { status: 'void' } });
    expect((await bookedSeats(h, world, s.slotId))?.booked).toBe(0);
    expect((await h.call('POST', `${a}/orders/${first.body.id}/cancel`, { ...resident, json: {} })).body.code).toBe(
      'services.transition_invalid',
    );

    // A decline needs a reason; an accepted order cannot be cancelled by the resident once the slot has started.
    const second = await h.call('POST', `${a}/orders`, { ...resident, json: orderBody(s) });
    const move = (to: string, reason?: string) =>
      h.call('POST', `${vendor}/orders/${second.body.id}/transition`, {
        token: world.tokens.vendorOwner,
        json: { to, reason },
      });
    expect((await move('declined')).body.code).toBe('services.reason_required');
    expect((await move('accepted')).status).toBe(200);
    h.clock.advance(25 * HOUR);
    const late = await h.call('POST', `${a}/orders/${second.body.id}/cancel`, { ...resident, json: {} });
    expect(late.body).toMatchObject({ code: 'services.cancel_too_late', title: expect.stringContaining('不能再取消') });
    expect((await h.call('POST', `${a}/orders`, { ...resident, json: orderBody(s) })).body.code).toBe(
      'services.slot_past',
    );
    expect(
      (await h.call('POST', `${a}/orders/${second.body.id}/review`, { ...resident, json: { rating: 4 } })).body.code,
    ).toBe('services.not_completed');
    // The vendor may still call it off, saying why; the resident sees the reason.
    const off = await move('cancelled', '师傅生病');
    expect(off.body.events.at(-1)).toMatchObject({ actorKind: 'vendor', toStatus: 'cancelled', reason: '师傅生病' });
    expect((await h.call('GET', `${a}/orders/${second.body.id}`, resident)).body.events.at(-1).reason).toBe('师傅生病');
  });

  it('refuses a full slot clearly, and a slot nobody booked can be removed', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world, 1);
    const { vendor, a } = paths(world);
    const [unit2] = await verifyHomes(h, world.tenantA.id, [world.users.committeeA.id], '2栋');
    expect((await h.call('POST', `${a}/orders`, { token: world.tokens.residentA, json: orderBody(s) })).status).toBe(
      201,
    );
    const full = await h.call('POST', `${a}/orders`, {
      token: world.tokens.committeeA,
      json: orderBody(s, { unitId: unit2 }),
      locale: 'en',
    });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({
      code: 'services.slot_full',
      title: 'This slot is fully booked; choose another time',
    });
    expect((await h.call('DELETE', `${vendor}/slots/${s.slotId}`, { token: world.tokens.vendorOwner })).body.code).toBe(
      'services.slot_booked',
    );
    const spare = await h.call('POST', `${vendor}/offerings/${s.offeringId}/slots`, {
      token: world.tokens.vendorOwner,
      json: { startsAt: '2030-01-01T09:00:00+08:00', endsAt: '2030-01-01T08:00:00+08:00', capacity: 1 },
      locale: 'en',
    });
    expect(spare.body.errors).toEqual([expect.objectContaining({ path: 'endsAt' })]);
    const past = new Date(h.clock.now().getTime() - HOUR);
    const late = await h.call('POST', `${vendor}/offerings/${s.offeringId}/slots`, {
      token: world.tokens.vendorOwner,
      json: { startsAt: past.toISOString(), endsAt: new Date(past.getTime() + 2 * HOUR).toISOString(), capacity: 1 },
    });
    expect(late.body.code).toBe('services.slot_past');
    const ok = await h.call('POST', `${vendor}/offerings/${s.offeringId}/slots`, {
      token: world.tokens.vendorOwner,
      json: { startsAt: '2030-01-01T09:00:00+08:00', endsAt: '2030-01-01T11:00:00+08:00', capacity: 1 },
    });
    expect((await h.call('DELETE', `${vendor}/slots/${ok.body.id}`, { token: world.tokens.vendorOwner })).status).toBe(
      204,
    );
  });

  it('lets the admin refuse with a reason, suspend (offerings vanish at once) and reinstate', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const { vendor, a, b } = paths(world);
    const admin = { token: world.tokens.adminA };
    const decide = (json: unknown, base = a) =>
      h.call('POST', `${base}/admin/vendors/${world.organisation.id}/decision`, { ...admin, json });

    expect((await decide({ decision: 'suspend' })).status).toBe(400);
    expect((await decide({ decision: 'suspend', reason: '多次投诉' })).body).toMatchObject({
      status: 'suspended',
      reason: '多次投诉',
    });
    expect((await h.call('GET', `${a}/offerings`, { token: world.tokens.residentA })).body.items).toEqual([]);
    expect((await h.call('POST', `${a}/orders`, { token: world.tokens.residentA, json: orderBody(s) })).body.code).toBe(
      'services.offering_missing',
    );
    expect((await decide({ decision: 'admit' })).body.code).toBe('services.decision_invalid');
    expect((await decide({ decision: 'reinstate' })).body.status).toBe('admitted');
    expect((await h.call('GET', `${a}/offerings`, { token: world.tokens.residentA })).body.items).toHaveLength(1);

    // B refuses; the vendor may apply again later.
    await h.call('POST', `${vendor}/applications`, {
      token: world.tokens.vendorOwner,
      json: { neighbourhood: world.tenantB.slug },
    });
    const refused = await h.call('POST', `${b}/admin/vendors/${world.organisation.id}/decision`, {
      token: world.tokens.adminB,
      json: { decision: 'refuse', reason: '本小区暂不引入' },
    });
    expect(refused.body).toMatchObject({ status: 'refused', reason: '本小区暂不引入' });
    const options = await h.call('GET', `${vendor}/neighbourhoods`, { token: world.tokens.vendorStaff });
    const inB = options.body.items.find((n: { id: string }) => n.id === world.tenantB.id);
    expect(inB.admission).toMatchObject({ status: 'refused', reason: '本小区暂不引入' });
    expect(
      (
        await h.call('POST', `${vendor}/applications`, {
          token: world.tokens.vendorOwner,
          json: { neighbourhood: world.tenantB.slug },
        })
      ).body.status,
    ).toBe('pending');
    expect(
      (await h.call('POST', `${vendor}/applications/${world.tenantB.id}/withdraw`, { token: world.tokens.vendorOwner }))
        .body.status,
    ).toBe('withdrawn');

    // Decisions are in each neighbourhood's audit trail, naming the business so the trail's sentence can say which.
    type Entry = { action: string; details: Record<string, unknown> };
    const decisions = async (slug: string, token = world.tokens.adminA) =>
      ((await h.call('GET', `/api/v1/t/${slug}/audit`, { token })).body.items as Entry[]).filter((e) =>
        e.action.startsWith('services.vendor_'),
      );
    const vendorName = world.organisation.name;
    const inTrailA = await decisions(world.tenantA.slug);
    expect(inTrailA).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'services.vendor_admitted', details: { vendor: vendorName } }),
        expect.objectContaining({
          action: 'services.vendor_suspended',
          details: { vendor: vendorName, reason: '多次投诉' },
        }),
      ]),
    );
    const inTrailB = await decisions(world.tenantB.slug, world.tokens.adminB);
    expect(inTrailB).toEqual([
      expect.objectContaining({
        action: 'services.vendor_refused',
        details: { vendor: vendorName, reason: '本小区暂不引入' },
      }),
    ]);
    // Every placeholder of the manifest's sentences is filled by what the entries carry.
    for (const entry of [...inTrailA, ...inTrailB]) {
      const action = entry.action.slice('services.'.length) as keyof typeof servicesManifest.audit;
      for (const [, key] of servicesManifest.audit[action].sentence['zh-CN'].matchAll(/\{(\w+)\}/g))
        expect(['actor', 'plugin', ...Object.keys(entry.details)], entry.action).toContain(key);
    }
  });

  it('records a complaint for the admin (not the vendor), who resolves it', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const { vendor, a } = paths(world);
    const order = await h.call('POST', `${a}/orders`, { token: world.tokens.residentA, json: orderBody(s) });
    const filed = await h.call('POST', `${a}/orders/${order.body.id}/complaint`, {
      token: world.tokens.residentA,
      json: { body: '迟到一小时' },
    });
    expect(filed.status).toBe(201);
    expect(
      (
        await h.call('POST', `${a}/orders/${order.body.id}/complaint`, {
          token: world.tokens.committeeA,
          json: { body: '冒充' },
        })
      ).status,
    ).toBe(404);
    const list = await h.call('GET', `${a}/admin/complaints`, { token: world.tokens.adminA });
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: filed.body.id,
        body: '迟到一小时',
        status: 'open',
        offeringTitle: '日常保洁（两小时）',
      }),
    ]);
    expect(
      (await h.call('GET', `${a}/admin/vendors`, { token: world.tokens.adminA })).body.items[0].openComplaints,
    ).toBe(1);
    expect((await h.call('GET', `${a}/admin/complaints`, { token: world.tokens.residentA })).status).toBe(403);

    // It is also the resident's own 码上提 report, about the business, for staff to sort and assign.
    expect(filed.body.feedback).toEqual({ number: expect.any(Number), link: expect.any(String) });
    const reportId = filed.body.feedback.link.split('/').at(-1);
    expect(filed.body.feedback.link).toBe(`/n/${world.tenantA.slug}/feedback/${reportId}`);
    const report = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback/${reportId}`, {
      token: world.tokens.residentA,
    });
    expect(report.body).toMatchObject({
      number: filed.body.feedback.number,
      channel: 'vendor',
      category: '其他',
      status: 'received',
      about: { organisationId: world.organisation.id, name: expect.any(String) },
      reporterName: expect.any(String),
    });
    expect(report.body.body).toContain('迟到一小时');
    const staffQueue = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback?status=received`, {
      token: world.tokens.adminA,
    });
    expect(staffQueue.body.items.map((i: { id: string }) => i.id)).toContain(reportId);
    // The admin may now bind the business as a handling unit.
    const units = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback-units`, { token: world.tokens.adminA });
    expect(units.body.businesses).toEqual([{ organisationId: world.organisation.id, name: expect.any(String) }]);
    expect(
      JSON.stringify(
        (await h.call('GET', `/api/v1/t/${world.tenantB.slug}/feedback`, { token: world.tokens.adminB })).body,
      ),
    ).not.toContain('迟到一小时');
    expect(
      JSON.stringify(
        (await h.call('GET', `${vendor}/orders/${order.body.id}`, { token: world.tokens.vendorOwner })).body,
      ),
    ).not.toContain('迟到一小时');
    const resolved = await h.call('POST', `${a}/admin/complaints/${filed.body.id}/resolve`, {
      token: world.tokens.adminA,
      json: { resolution: '已约谈服务商' },
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '已约谈服务商' });
    expect(
      (
        await h.call('POST', `${a}/admin/complaints/${filed.body.id}/resolve`, {
          token: world.tokens.adminA,
          json: { resolution: '再次' },
        })
      ).body.code,
    ).toBe('services.already_resolved');
  });

  it('keeps complaints to itself where the neighbourhood has not granted feedback:create', async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const { a } = paths(world);
    await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx
        .update(schema.pluginInstalls)
        .set({ grantedScopes: ['members:homes', 'audit:write', 'notifications:send'], version: '1.1.0' })
        .where(eq(schema.pluginInstalls.pluginId, 'services')),
    );
    const order = await h.call('POST', `${a}/orders`, { token: world.tokens.residentA, json: orderBody(s) });
    const filed = await h.call('POST', `${a}/orders/${order.body.id}/complaint`, {
      token: world.tokens.residentA,
      json: { body: '没有上门' },
    });
    expect(filed.status).toBe(201);
    expect(filed.body.feedback).toBeNull();
    const queue = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback`, { token: world.tokens.adminA });
    expect(JSON.stringify(queue.body)).not.toContain('没有上门');
  });

  it("purges a neighbourhood's share (orders, reviews, admission) and gives back the seats its orders held", async () => {
    const { h, world } = current;
    const s = await openVendor(h, world, 3);
    const { vendor, a } = paths(world);
    expectStatus(
      'order',
      await h.call('POST', `${a}/orders`, { token: world.tokens.residentA, json: orderBody(s) }),
      201,
    );
    expect((await bookedSeats(h, world, s.slotId))?.booked).toBe(1);
    const admin = { token: world.tokens.adminA };
    expectStatus(
      'uninstall',
      await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/services/uninstall`, admin),
      200,
    );
    expectStatus(
      'purge',
      await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/services/purge`, {
        ...admin,
        json: { confirm: 'services' },
      }),
      204,
    );
    expect((await bookedSeats(h, world, s.slotId))?.booked).toBe(0);
    const owner = { token: world.tokens.vendorOwner };
    expect((await h.call('GET', `${vendor}/orders`, owner)).body.items).toEqual([]);
    expect((await h.call('GET', `${vendor}/dashboard`, owner)).body.neighbourhoods).toEqual([]);
    // The vendor's own catalogue stays; it is listed nowhere now.
    expect((await h.call('GET', `${vendor}/offerings`, owner)).body.items).toEqual([
      expect.objectContaining({ id: s.offeringId, tenantIds: [] }),
    ]);
  });

  it("keeps a service's photos: uploaded by its managers (real images only, six at most), shown where it is listed", async () => {
    const { h, world } = current;
    const s = await openVendor(h, world);
    const { vendor, a, b } = paths(world);
    const upload = (token: string | undefined, body: Uint8Array, type = 'image/png') =>
      h.call('POST', `${vendor}/offerings/${s.offeringId}/images`, { token, body, headers: { 'content-type': type } });
    const owner = world.tokens.vendorOwner;
    const first = await upload(owner, PNG);
    expect(first.status).toBe(201);
    expect((await upload(world.tokens.vendorStaff, PNG)).status).toBe(403);
    const fake = await upload(
      owner,
      new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'image/png',
    );
    expect(fake.body).toMatchObject({ code: 'services.image_invalid', title: '只能上传 JPEG、PNG 或 WebP 图片' });

    const listed = await h.call('GET', `${a}/offerings`, { token: world.tokens.residentA });
    expect(listed.body.items[0].images).toEqual([first.body.id]);
    const photo = await h.call('GET', `${a}/images/${first.body.id}`, { token: world.tokens.residentA });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    // Kept as encoded afresh, so not byte for byte what was sent (images.int.test.ts): still a PNG.
    expect(new Uint8Array(photo.raw).subarray(0, 8)).toEqual(PNG.subarray(0, 8));
    // A neighbourhood that has not admitted the vendor does not see its photos.
    expect((await h.call('GET', `${b}/images/${first.body.id}`, { token: world.tokens.adminB })).status).toBe(404);

    for (let i = 0; i < 5; i++) expect((await upload(owner, PNG)).status).toBe(201);
    expect((await upload(owner, PNG)).body.code).toBe('services.too_many_images');
    expect(
      (await h.call('DELETE', `${vendor}/offerings/${s.offeringId}/images/${first.body.id}`, { token: owner })).status,
    ).toBe(204);
    expect((await h.call('GET', `${a}/images/${first.body.id}`, { token: world.tokens.residentA })).status).toBe(404);
  });
});

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
