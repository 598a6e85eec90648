import { useWorld } from '@city/testing';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';

const current = useWorld();

describe('码上提 in a business centre', () => {
  it('shows a business only the reports assigned to it, across neighbourhoods, and lets it answer them', async () => {
    const { h, world } = current;
    const t = world.tokens;
    const a = `/api/v1/t/${world.tenantA.slug}`;
    const centre = `/api/v1/organisations/${world.organisation.id}/feedback`;
    const units = await h.call('GET', `${a}/feedback-units`, { token: t.adminA });
    expect(units.body.businesses).toEqual([]);
    const unit = await h.call('POST', `${a}/feedback-units`, {
      token: t.adminA,
      json: { kind: 'vendor', name: '保洁公司', organisationId: world.organisation.id },
    });
    expect(unit.status).toBe(201);
    const report = async (body: string) =>
      (
        await h.call('POST', `${a}/feedback`, {
          token: t.residentA,
          json: { category: '环境卫生', body, place: { kind: 'public', note: '中心花园' } },
        })
      ).body as { id: string; number: number };
    const assigned = await report('花园落叶没有清扫');
    const other = await report('路灯不亮');
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#393' } })
      .png()
      .toBuffer();
    const photo = await h.call('POST', `${a}/feedback/${assigned.id}/photos`, {
      token: t.residentA,
      body: new Uint8Array(png),
      headers: { 'content-type': 'image/png' },
    });
    expect(photo.status).toBe(201);
    expect(
      (
        await h.call('POST', `${a}/feedback/${assigned.id}/actions`, {
          token: t.adminA,
          json: { action: 'assign', unitId: unit.body.id, note: '请本周内处理' },
        })
      ).status,
    ).toBe(200);

    // The business hears of it with a link into its own centre.
    await h.services.notifier.idle();
    const inbox = (await h.call('GET', '/api/v1/me/notifications', { token: t.vendorStaff })).body.items;
    expect(inbox[0]).toMatchObject({
      kind: 'feedback.assigned',
      link: `/vendor/${world.organisation.id}/feedback/${world.tenantA.slug}/${assigned.id}`,
    });

    const list = await h.call('GET', centre, { token: t.vendorStaff });
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id: assigned.id,
        neighbourhood: { slug: world.tenantA.slug, name: world.tenantA.name },
        workingDaysLeft: 10,
        actions: expect.arrayContaining(['progress', 'answer', 'return']),
        // The business learns what and where, not who.
        reporterName: null,
        reporterPhone: null,
      }),
    ]);
    const one = (id: string, token = t.vendorStaff) =>
      h.call('GET', `${centre}/${world.tenantA.slug}/${id}`, { token });
    const steps = (await one(assigned.id)).body.steps as { kind: string; actorName: string | null }[];
    expect(steps.map((s) => s.kind)).toEqual(['received', 'assigned']);
    // Nor from the steps: the report's own step names no one (the page says 反映人 / the reporter).
    expect(steps[0]!.actorName).toBeNull();
    expect(JSON.stringify(steps)).not.toContain(world.users.residentA.displayName);
    expect((await one(other.id)).status).toBe(404);
    const seen = await h.call('GET', `${centre}/${world.tenantA.slug}/${assigned.id}/photos/${photo.body.id}`, {
      token: t.vendorStaff,
    });
    expect(seen.headers.get('content-type')).toBe('image/png');
    const done = await h.call('POST', `${centre}/${world.tenantA.slug}/${assigned.id}/photos`, {
      token: t.vendorStaff,
      body: new Uint8Array(png),
      headers: { 'content-type': 'image/png' },
    });
    expect(done.body).toMatchObject({ side: 'handler' });
    expect(
      (await h.call('GET', `${centre}/${world.tenantB.slug}/${assigned.id}`, { token: t.vendorStaff })).status,
    ).toBe(404);

    const act = (id: string, json: object) =>
      h.call('POST', `${centre}/${world.tenantA.slug}/${id}/actions`, { token: t.vendorStaff, json });
    expect((await act(assigned.id, { action: 'reject', reason: '不归我们管' })).status).toBe(403);
    expect((await act(other.id, { action: 'progress', body: '已处理' })).status).toBe(404);
    const answered = await act(assigned.id, { action: 'answer', body: '已安排保洁员清扫落叶' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'answered', neighbourhood: { slug: world.tenantA.slug } });

    // The resident hears the answer and rates it in the neighbourhood, as with any unit.
    await h.services.notifier.idle();
    const mine = (await h.call('GET', '/api/v1/me/notifications', { token: t.residentA })).body.items;
    expect(mine[0]).toMatchObject({ kind: 'feedback.answered' });
    const trail = await h.call('GET', `${a}/audit`, { token: t.adminA });
    expect(trail.body.items[0]).toMatchObject({ action: 'feedback.answered', actorName: expect.any(String) });

    // Outsiders to the business, and residents, see nothing of its centre.
    expect((await h.call('GET', centre, { token: t.residentA })).status).toBe(404);
    expect((await h.call('GET', `${centre}/${world.tenantA.slug}/${assigned.id}`, { token: t.adminA })).status).toBe(
      404,
    );
  });
});
