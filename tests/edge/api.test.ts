import { createTestApp, buildWorld, schema, withTenant, type TestApp, type World } from '@city/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plugins } from '../../apps/api/src/plugins.ts';
import { startWorker, type EdgeWorker, type Transport } from './support/worker.ts';

const TRANSPORTS: Transport[] = ['websocket', 'hyperdrive'];

/**
 * The API as deployed to Workers: every request below goes through the built bundle inside workerd, against the same
 * database the Node test kit arranges (world, plugin installs, waiting events) with the product's plugins — once over
 * Neon's WebSocket, once over TCP behind a Hyperdrive binding.
 */
describe.skipIf(!process.env.DATABASE_URL).each(TRANSPORTS)('the API inside workerd, database over %s', (transport) => {
  let h: TestApp;
  let world: World;
  let worker: EdgeWorker;

  beforeAll(async () => {
    [h, worker] = await Promise.all([createTestApp({ plugins }), startWorker({}, transport)]);
    world = await buildWorld(h);
    const installed = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/plugins/contacts/install`, {
      token: world.tokens.adminA,
      json: { grantedScopes: ['audit:write'] },
    });
    if (installed.status !== 200) throw new Error(`contacts not installed: ${JSON.stringify(installed.body)}`);
  });
  afterAll(async () => {
    await worker?.close();
    await h?.close();
  });

  type Who = 'adminA' | 'adminB' | 'residentA' | 'staffA';
  const call = async (who: Who, method: string, path: string, json?: unknown) => {
    const res = await worker.fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${world.tokens[who]}`,
        'accept-language': 'zh-CN',
        ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const A = () => `/api/v1/t/${world.tenantA.slug}`;
  const B = () => `/api/v1/t/${world.tenantB.slug}`;
  const namesIn = (body: { items: { displayName: string }[] }) => body.items.map((m) => m.displayName).sort();

  it("reads a neighbourhood's members for its staff, and answers 404 for another neighbourhood", async () => {
    const own = await call('staffA', 'GET', `${A()}/members`);
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(namesIn(own.body)).toEqual(
      (['adminA', 'residentA', 'committeeA', 'staffA'] as const).map((p) => world.users[p].displayName).sort(),
    );
    const across = await call('staffA', 'GET', `${B()}/members`);
    expect(across.status).toBe(404);
    expect(JSON.stringify(across.body)).not.toContain(world.users.adminB.displayName);
  });

  it('prints the public 公示 board as a PDF with its Chinese fonts embedded', async () => {
    const title = `公示-${Math.random().toString(36).slice(2, 8)}`;
    const drafted = await call('adminA', 'POST', `${A()}/notices`, {
      category: 'disclosure',
      title,
      body: '维修资金使用情况 Repair fund: ¥12,000.00',
      audience: 'public',
      expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    expect((await call('adminA', 'POST', `${A()}/notices/${drafted.body.id}/publish`)).status).toBe(200);
    const res = await worker.fetch(`/api/v1/public/n/${world.tenantA.slug}/notices.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Subsets of the Noto Sans SC slices the text needs, and no standard font (none exists in a Worker).
    expect(pdf.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf.toString('latin1')).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('writes spreadsheets: the registry template as XLSX and as CSV', async () => {
    const get = (format: string) =>
      worker.fetch(`${A()}/registry/template?format=${format}`, {
        headers: { authorization: `Bearer ${world.tokens.adminA}` },
      });
    const xlsx = await get('xlsx');
    expect(xlsx.status).toBe(200);
    // An XLSX file is a ZIP archive.
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
    const csv = await get('csv');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toMatch(/楼栋|栋/);
  });

  it('publishes a notice, and the audit trail names who did it', async () => {
    const title = `停水通知-${Math.random().toString(36).slice(2, 8)}`;
    const drafted = await call('adminA', 'POST', `${A()}/notices`, {
      category: 'notice',
      title,
      body: '周三9:00–12:00停水',
      audience: 'residents',
    });
    expect(drafted.status, JSON.stringify(drafted.body)).toBe(201);
    const published = await call('adminA', 'POST', `${A()}/notices/${drafted.body.id}/publish`);
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ status: 'published', title });

    const trail = await call('adminA', 'GET', `${A()}/audit?action=notice.published`);
    expect(trail.status, JSON.stringify(trail.body)).toBe(200);
    expect(trail.body.items).toContainEqual(
      expect.objectContaining({
        action: 'notice.published',
        targetId: drafted.body.id,
        actorUserId: world.users.adminA.id,
        actorName: world.users.adminA.displayName,
      }),
    );
    const read = await call('residentA', 'GET', `${A()}/notices`);
    expect(read.body.items.map((n: { title: string }) => n.title)).toContain(title);
  });

  it('answers a plugin route where the plugin is installed, and 404 where it is not', async () => {
    const name = `物业服务中心-${Math.random().toString(36).slice(2, 8)}`;
    const added = await call('adminA', 'POST', `${A()}/p/contacts/entries`, {
      category: 'property',
      name,
      phone: '023-4128 8888',
      hours: '24小时',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const directory = await call('residentA', 'GET', `${A()}/p/contacts/entries`);
    expect(directory.status, JSON.stringify(directory.body)).toBe(200);
    expect(directory.body).toMatchObject({
      title: '便民电话',
      items: expect.arrayContaining([expect.objectContaining({ name })]),
    });
    expect((await call('adminB', 'GET', `${B()}/p/contacts/entries`)).status).toBe(404);
  });

  it('serves 40 concurrent authenticated reads', async () => {
    const reads = await Promise.all(Array.from({ length: 40 }, () => call('staffA', 'GET', `${A()}/members`)));
    expect(reads.map((r) => r.status)).toEqual(Array(40).fill(200));
    for (const read of reads) expect(read.body.items).toHaveLength(4);
  });

  it('delivers a waiting plugin event from the cron trigger', async () => {
    // A voting plugin's election result, left in the outbox as its runtime writes it: the core takes these events.
    const meetingId = `m-${Math.random().toString(36).slice(2, 8)}`;
    const [event] = await withTenant(h.services.db, world.tenantA.id, async (tx) => {
      await h.services.events.emit(
        tx,
        world.tenantA.id,
        'voting.committee_elected',
        {
          meetingId,
          meetingTitle: '2026年第一次业主大会',
          motionTitle: '选举第一届业主委员会',
          byElection: false,
          seats: 3,
          closedAt: h.clock.now().toISOString(),
          elected: ['赵一', '钱二', '孙三'].map((n, i) => ({ candidateId: `c${i}`, name: n })),
          unfilled: 0,
          noticeId: null,
        },
        h.clock.now(),
      );
      return tx.select().from(schema.pluginEvents).where(eq(schema.pluginEvents.name, 'voting.committee_elected'));
    });
    const deliveries = () =>
      withTenant(h.services.db, world.tenantA.id, (tx) =>
        tx.select().from(schema.pluginDeliveries).where(eq(schema.pluginDeliveries.eventId, event!.id)),
      );
    expect(event!.dispatchedAt).toBeNull();
    expect(await deliveries()).toEqual([]);

    await worker.scheduled();

    expect(await deliveries()).toEqual([expect.objectContaining({ pluginId: 'core', status: 'done', attempts: 1 })]);
    const elections = await call('adminA', 'GET', `${A()}/governance/elections`);
    expect(elections.status, JSON.stringify(elections.body)).toBe(200);
    expect(elections.body.items).toContainEqual(
      expect.objectContaining({
        source: 'voting',
        seats: 3,
        elected: expect.arrayContaining([expect.objectContaining({ name: '赵一' })]),
      }),
    );
  });
});
