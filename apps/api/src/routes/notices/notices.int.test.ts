import { withTenant } from '@city/db';
import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();
const DAY = 24 * 3600_000;

const base = () => `/api/v1/t/${current.world.tenantA.slug}/notices`;
const draft = (body: Record<string, unknown>, token = current.world.tokens.staffA) =>
  current.h.call('POST', base(), {
    token,
    json: { category: 'notice', title: '停水通知', body: '周三9:00–12:00停水', audience: 'residents', ...body },
  });
const publish = (id: string, token = current.world.tokens.staffA) =>
  current.h.call('POST', `${base()}/${id}/publish`, { token });
const titles = async (token: string | undefined) =>
  (await current.h.call('GET', base(), { token })).body.items.map((n: { title: string }) => n.title);
const publicTitles = async () =>
  (await current.h.call('GET', `/api/v1/public/n/${current.world.tenantA.slug}/notices`)).body.items.map(
    (n: { title: string }) => n.title,
  );

describe('notices', () => {
  it('drafts stay with the editors until published; residents then read them, the public does not', async () => {
    const { world } = current;
    const created = await draft({});
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', state: 'draft', source: 'core' });
    expect(await titles(world.tokens.residentA)).toEqual([]);
    expect(
      (await current.h.call('GET', `${base()}/${created.body.id}`, { token: world.tokens.residentA })).status,
    ).toBe(404);
    expect((await publish(created.body.id)).body).toMatchObject({ status: 'published', state: 'live' });
    expect(await titles(world.tokens.residentA)).toEqual(['停水通知']);
    expect(await publicTitles()).toEqual([]);
    expect((await current.h.call('GET', base(), { token: world.tokens.adminB })).status).toBe(404);
  });

  it('shows public notices without sign-in, only inside their window, pinned first', async () => {
    const { h } = current;
    const now = h.clock.now().getTime();
    const later = await draft({
      title: '下周消防演练',
      audience: 'public',
      publishAt: new Date(now + DAY).toISOString(),
    });
    const pinned = await draft({ title: '物业电话', audience: 'public', pinned: true });
    const today = await draft({
      title: '电梯检修',
      audience: 'public',
      expiresAt: new Date(now + 2 * DAY).toISOString(),
    });
    for (const n of [later, today, pinned]) await publish(n.body.id);
    expect(await publicTitles()).toEqual(['物业电话', '电梯检修']);
    h.clock.advance(DAY + 1000);
    expect(await publicTitles()).toEqual(['物业电话', '下周消防演练', '电梯检修']);
    h.clock.advance(DAY);
    expect(await publicTitles()).toEqual(['物业电话', '下周消防演练']);
    const page = await h.call('GET', `/api/v1/public/n/${current.world.tenantA.slug}/notices`);
    expect(page.body.neighbourhood).toMatchObject({ name: current.world.tenantA.name });
    expect((await h.call('GET', '/api/v1/public/n/no-such-place/notices')).status).toBe(404);
  });

  it('locks a published 公示: no edit, no withdrawal, only a linked correction', async () => {
    const { h, world } = current;
    const now = h.clock.now().getTime();
    const period = {
      category: 'disclosure',
      title: '2026年公共收益公示',
      audience: 'public',
      expiresAt: new Date(now + 7 * DAY).toISOString(),
    };
    const missing = await draft({ ...period, expiresAt: null });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ path: 'expiresAt', message: '公示须设定公示期截止时间' }),
    ]);

    const original = await draft(period);
    await publish(original.body.id);
    const edit = await h.call('PUT', `${base()}/${original.body.id}`, {
      token: world.tokens.staffA,
      json: { ...period, body: '改', title: '改' },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('notice_locked');
    expect(
      (await h.call('POST', `${base()}/${original.body.id}/withdraw`, { token: world.tokens.staffA })).body.code,
    ).toBe('notice_locked');

    const correction = await h.call('POST', `${base()}/${original.body.id}/corrections`, {
      token: world.tokens.staffA,
      json: { ...period, title: '2026年公共收益公示（更正）', body: '第3项金额更正为12,800.00元' },
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({ correctsId: original.body.id, status: 'draft' });
    await publish(correction.body.id);
    const reread = await h.call('GET', `${base()}/${original.body.id}`, { token: world.tokens.residentA });
    expect(reread.body).toMatchObject({ correctedById: correction.body.id, state: 'live' });
  });

  it('edits and withdraws ordinary notices, and answers bad states clearly', async () => {
    const { h, world } = current;
    const n = await draft({});
    const edited = await h.call('PUT', `${base()}/${n.body.id}`, {
      token: world.tokens.staffA,
      json: { category: 'notice', title: '停水通知（时间调整）', body: '改为周四', audience: 'residents' },
    });
    expect(edited.body.title).toBe('停水通知（时间调整）');
    expect((await h.call('POST', `${base()}/${n.body.id}/withdraw`, { token: world.tokens.staffA })).body.code).toBe(
      'notice_state',
    );
    await publish(n.body.id);
    expect((await publish(n.body.id)).body.code).toBe('notice_state');
    expect((await h.call('POST', `${base()}/${n.body.id}/withdraw`, { token: world.tokens.staffA })).body.state).toBe(
      'withdrawn',
    );
    expect(await titles(world.tokens.residentA)).toEqual([]);
  });

  it('keeps owners-only notices from residents until the registry knows the owners', async () => {
    const { world } = current;
    const n = await draft({ title: '业主大会筹备', audience: 'owners' });
    await publish(n.body.id);
    expect(await titles(world.tokens.residentA)).toEqual([]);
    expect(await titles(world.tokens.committeeA)).toEqual(['业主大会筹备']);
  });

  it('validates attachments and audiences field by field', async () => {
    const res = await draft(
      { attachments: [{ name: '附件', url: 'javascript:alert(1)' }], audience: 'building' },
      current.world.tokens.adminA,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['attachments.0.url', 'buildingId']);
  });

  it('lets only admins and staff run the board', async () => {
    expect((await draft({}, current.world.tokens.residentA)).status).toBe(403);
    expect((await draft({}, current.world.tokens.committeeA)).status).toBe(403);
  });

  it('audits every step of a notice', async () => {
    const { h, world } = current;
    const n = await draft({});
    await publish(n.body.id);
    await h.call('POST', `${base()}/${n.body.id}/withdraw`, { token: world.tokens.staffA });
    const trail = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit`, { token: world.tokens.adminA });
    expect(trail.body.items.slice(0, 3).map((e: { action: string }) => e.action)).toEqual([
      'notice.withdrawn',
      'notice.published',
      'notice.created',
    ]);
  });

  it('lets other capabilities publish in their own transaction', async () => {
    const { h, world } = current;
    const context = { tenantId: world.tenantA.id, actor: { id: null, displayName: '表决插件' }, at: h.clock.now() };
    await withTenant(h.database.db, world.tenantA.id, (tx) =>
      h.services.notices.publishNow(
        tx,
        context,
        {
          category: 'result',
          title: '表决结果公告',
          body: '第1项议案通过',
          attachments: [],
          audience: 'public',
          buildingId: null,
          pinned: false,
          publishAt: null,
          expiresAt: null,
        },
        'voting',
        h.services.notifications,
      ),
    );
    const board = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/notices`);
    expect(board.body.items).toEqual([
      expect.objectContaining({ title: '表决结果公告', source: 'voting', category: 'result' }),
    ]);
  });

  it('reach their readers’ inboxes when pinned or a 公示, and otherwise only where the neighbourhood turns that on', async () => {
    const { h, world } = current;
    const inbox = async (token: string | undefined) =>
      (
        (await h.call('GET', '/api/v1/me/notifications', { token })).body.items as { kind: string; title: string }[]
      ).map((i) => `${i.kind} ${i.title}`);
    const pinned = await draft({ title: '电梯停运通知', pinned: true });
    await publish(pinned.body.id);
    const ordinary = await draft({ title: '绿化修剪' });
    await publish(ordinary.body.id);
    await h.services.notifier.idle();
    expect(await inbox(world.tokens.residentA)).toEqual(['notice.pinned 电梯停运通知']);
    // Not a member of A: nothing.
    expect(await inbox(world.tokens.outsider)).toEqual([]);

    const settings = await h.call('PUT', `/api/v1/t/${world.tenantA.slug}/notification-settings`, {
      token: world.tokens.adminA,
      json: { kinds: { 'notice.published': true }, retentionDays: 180 },
    });
    expect(settings.status).toBe(200);
    const another = await draft({ title: '快递柜搬迁' });
    await publish(another.body.id);
    await h.services.notifier.idle();
    expect(await inbox(world.tokens.residentA)).toEqual(['notice.published 快递柜搬迁', 'notice.pinned 电梯停运通知']);
  });
});
