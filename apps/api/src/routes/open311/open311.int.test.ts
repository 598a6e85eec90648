import { schema, seedRegistry, type TestApp, useWorld, withTenant, type World } from '@city/testing';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

/**
 * GeoReport v2 as its specification (wiki.open311.org/GeoReport_v2) writes each method: the request set below is
 * taken from the specification's method list — its URLs, parameters, the fields of each answer and its error format —
 * and run against one neighbourhood's base path, in JSON and in XML.
 */

async function setUp(h: TestApp, world: World) {
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { owner: '韩梅' },
    units: [{ building: '3栋', room: '301', area: 9_000, owners: ['owner'] }],
  });
  const [building] = await withTenant(h.services.db, world.tenantA.id, (tx) =>
    tx.select({ id: schema.buildings.id }).from(schema.buildings),
  );
  const issued = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/open311-clients`, {
    token: world.tokens.adminA,
    json: { name: '12345 市民热线' },
  });
  expect(issued.status).toBe(201);
  return { buildingId: building!.id, apiKey: issued.body.apiKey as string, clientId: issued.body.id as string };
}

const current = useWorld({ setUp });

const base = (world: World, slug = world.tenantA.slug) => `/api/v1/public/n/${slug}/open311/v2`;

/** POST as Open311 clients send it: application/x-www-form-urlencoded. */
function post(h: TestApp, path: string, params: Record<string, string>, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return h.call('POST', path, {
    body: new TextEncoder().encode(new URLSearchParams(params).toString()),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    locale,
  });
}

const xml = new XMLParser({ isArray: (name) => ['service', 'request', 'attribute', 'value', 'error'].includes(name) });

function parseXml(text: unknown) {
  expect(typeof text).toBe('string');
  expect(XMLValidator.validate(text as string)).toBe(true);
  expect(text as string).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>/);
  return xml.parse(text as string);
}

async function create(h: TestApp, world: World, params: Record<string, string> = {}) {
  const res = await post(h, `${base(world)}/requests.json`, {
    api_key: current.prepared.apiKey,
    service_code: '环境卫生',
    address_id: current.prepared.buildingId,
    description: '3栋东侧垃圾桶满了三天',
    first_name: '梅',
    last_name: '韩',
    phone: '13912345678',
    ...params,
  });
  expect(res.status).toBe(200);
  return res.body[0] as { service_request_id: string; token: string; service_notice: string; account_id: null };
}

describe('Open311 GeoReport v2: the specification’s request set', () => {
  it('GET services: one service per category, with the fields the specification lists, in JSON and XML', async () => {
    const { h, world } = current;
    const res = await h.call('GET', `${base(world)}/services.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.body.map((s: { service_code: string }) => s.service_code)).toEqual([
      '环境卫生',
      '设施维修',
      '安全隐患',
      '邻里纠纷',
      '物业服务',
      '停车',
      '噪音',
      '建议',
      '其他',
    ]);
    for (const service of res.body) {
      expect(Object.keys(service).sort()).toEqual(
        ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort(),
      );
      expect(service).toMatchObject({ metadata: true, type: 'realtime' });
    }

    const asXml = await h.call('GET', `${base(world)}/services.xml`);
    expect(asXml.status).toBe(200);
    expect(asXml.headers.get('content-type')).toMatch(/^text\/xml/);
    const doc = parseXml(asXml.body);
    expect(doc.services.service).toHaveLength(9);
    expect(doc.services.service[0]).toMatchObject({ service_code: '环境卫生', metadata: true, type: 'realtime' });
  });

  it('GET services/{code}: the definition of its attributes (the place, listing the buildings); unknown → 404', async () => {
    const { h, world, prepared } = current;
    const res = await h.call('GET', `${base(world)}/services/${encodeURIComponent('环境卫生')}.json`);
    expect(res.status).toBe(200);
    expect(res.body.service_code).toBe('环境卫生');
    const [attribute] = res.body.attributes;
    expect(Object.keys(attribute).sort()).toEqual(
      ['code', 'datatype', 'datatype_description', 'description', 'order', 'required', 'values', 'variable'].sort(),
    );
    expect(attribute).toMatchObject({ variable: true, code: 'place', datatype: 'singlevaluelist', required: false });
    expect(attribute.values).toEqual([
      { key: 'public', name: '公共区域' },
      { key: prepared.buildingId, name: '3栋' },
    ]);

    const doc = parseXml((await h.call('GET', `${base(world)}/services/${encodeURIComponent('环境卫生')}.xml`)).body);
    expect(doc.service_definition.attributes.attribute[0].values.value[1]).toEqual({
      key: prepared.buildingId,
      name: '3栋',
    });

    const unknown = await h.call('GET', `${base(world)}/services/nothing.json`);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual([{ code: 404, description: expect.any(String) }]);
    const unknownXml = await h.call('GET', `${base(world)}/services/nothing.xml`);
    expect(unknownXml.status).toBe(404);
    expect(parseXml(unknownXml.body).errors.error[0]).toMatchObject({ code: 404 });
  });

  it('POST requests: the errors the specification names — 400 without api_key or service_code, 403 for a bad key, 404 for an unknown service, 400 for what the request lacks', async () => {
    const { h, world, prepared } = current;
    const url = `${base(world)}/requests.json`;
    const fine = { service_code: '环境卫生', address_id: prepared.buildingId, description: '路灯坏了' };
    const cases: [Record<string, string>, number, RegExp][] = [
      [fine, 400, /api_key/],
      [{ ...fine, api_key: 'o311_wrong' }, 403, /api_key/],
      [{ api_key: prepared.apiKey, description: '路灯坏了' }, 400, /service_code/],
      [{ ...fine, api_key: prepared.apiKey, service_code: '不存在的服务' }, 404, /.+/],
      [{ ...fine, api_key: prepared.apiKey, description: '' }, 400, /description/],
      [{ api_key: prepared.apiKey, service_code: '环境卫生', description: '路灯坏了' }, 400, /address_string/],
      [{ ...fine, api_key: prepared.apiKey, address_id: crypto.randomUUID() }, 400, /address_id/],
      [{ ...fine, api_key: prepared.apiKey, phone: '12345' }, 400, /phone/],
      [{ ...fine, api_key: prepared.apiKey, lat: '95', long: '120', address_id: '' }, 400, /lat/],
    ];
    for (const [params, status, description] of cases) {
      const res = await post(h, url, params);
      expect(res.status, JSON.stringify(params)).toBe(status);
      expect(res.body).toEqual([{ code: status, description: expect.stringMatching(description) }]);
    }
    const inXml = await post(h, `${base(world)}/requests.xml`, fine, 'en');
    expect(inXml.status).toBe(400);
    expect(parseXml(inXml.body).errors.error[0]).toEqual({ code: 400, description: 'api_key was not provided' });

    // Nothing of the refused requests was written.
    const written = await withTenant(h.services.db, world.tenantA.id, (tx) =>
      tx.select({ id: schema.feedbackReports.id }).from(schema.feedbackReports),
    );
    expect(written).toHaveLength(0);
  });

  it('POST requests → service_request_id and token; tokens/{token} and requests/{id} find it; the client reads its own request in full, others do not see it open', async () => {
    const { h, world, prepared } = current;
    const made = await create(h, world);
    expect(made).toMatchObject({ service_request_id: expect.stringMatching(/^\d+$/), account_id: null });
    expect(made.service_notice).toContain(`#${made.service_request_id}`);

    const token = await h.call('GET', `${base(world)}/tokens/${made.token}.json`);
    expect(token.status).toBe(200);
    expect(token.body).toEqual([{ service_request_id: made.service_request_id, token: made.token }]);

    const own = await h.call(
      'GET',
      `${base(world)}/requests/${made.service_request_id}.json?api_key=${prepared.apiKey}`,
    );
    expect(own.status).toBe(200);
    const [request] = own.body;
    expect(Object.keys(request).sort()).toEqual(
      [
        'address',
        'address_id',
        'agency_responsible',
        'description',
        'expected_datetime',
        'lat',
        'long',
        'media_url',
        'requested_datetime',
        'service_code',
        'service_name',
        'service_notice',
        'service_request_id',
        'status',
        'status_notes',
        'updated_datetime',
        'zipcode',
      ].sort(),
    );
    expect(request).toMatchObject({
      service_request_id: made.service_request_id,
      status: 'open',
      service_code: '环境卫生',
      description: '3栋东侧垃圾桶满了三天',
      address: '3栋',
      address_id: prepared.buildingId,
      requested_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/),
    });

    // The report went round the ordinary loop: staff see it with its channel and the caller's masked number.
    const seen = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/feedback?status=received`, {
      token: world.tokens.adminA,
    });
    const report = seen.body.items.find((i: { number: number }) => String(i.number) === made.service_request_id);
    expect(report).toMatchObject({ channel: 'open311', reporterName: '韩梅', reporterPhone: '139****5678' });

    // Without the key (or with another client's) an open request is nobody else's business.
    expect((await h.call('GET', `${base(world)}/requests/${made.service_request_id}.json`)).status).toBe(404);
    const other = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/open311-clients`, {
      token: world.tokens.adminA,
      json: { name: '另一个应用' },
    });
    const byOther = await h.call(
      'GET',
      `${base(world)}/requests/${made.service_request_id}.json?api_key=${other.body.apiKey}`,
    );
    expect(byOther.status).toBe(404);

    const asXml = parseXml((await h.call('GET', `${base(world)}/tokens/${made.token}.xml`)).body);
    expect(asXml.service_requests.request[0]).toEqual({
      service_request_id: Number(made.service_request_id),
      token: made.token,
    });
    expect((await h.call('GET', `${base(world)}/tokens/unknown-token.json`)).status).toBe(404);
  });

  it('GET requests: by ids, service, status and date range; closed requests on the board for everyone, summarised, building only', async () => {
    const { h, world, prepared } = current;
    const first = await create(h, world, { description: `${'电梯'.repeat(60)}异响` });
    const second = await create(h, world, { service_code: '噪音', address_id: '', address_string: '北门外广场' });
    // Staff take the first round the loop to its close.
    const id = await reportId(h, world, first.service_request_id);
    const unit = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback-units`, {
      token: world.tokens.adminA,
      json: { kind: 'property', name: '物业服务中心', memberIds: [] },
    });
    const act = (json: object) =>
      h.call('POST', `/api/v1/t/${world.tenantA.slug}/feedback/${id}/actions`, { token: world.tokens.adminA, json });
    expect((await act({ action: 'assign', unitId: unit.body.id })).status).toBe(200);
    expect((await act({ action: 'answer', body: '已更换曳引机' })).status).toBe(200);
    h.clock.advance(8 * 86_400_000);
    await h.services.feedbackClock.run(world.tenantA.id);

    const key = `api_key=${prepared.apiKey}`;
    const all = await h.call('GET', `${base(world)}/requests.json?${key}`);
    expect(all.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      second.service_request_id,
      first.service_request_id,
    ]);
    const closed = all.body[1];
    expect(closed).toMatchObject({ status: 'closed', agency_responsible: '物业服务中心' });
    expect(closed.status_notes).toContain('已更换曳引机');

    const byStatus = await h.call('GET', `${base(world)}/requests.json?${key}&status=open`);
    expect(byStatus.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([
      second.service_request_id,
    ]);
    const byService = await h.call(
      'GET',
      `${base(world)}/requests.json?${key}&service_code=${encodeURIComponent('噪音')}`,
    );
    expect(byService.body).toHaveLength(1);
    expect(byService.body[0]).toMatchObject({ address: '公共区域 北门外广场', address_id: null });
    const byIds = await h.call(
      'GET',
      `${base(world)}/requests.json?${key}&service_request_id=${first.service_request_id},${second.service_request_id}`,
    );
    expect(byIds.body).toHaveLength(2);
    const later = new Date(h.clock.now().getTime() + 86_400_000).toISOString();
    const empty = await h.call('GET', `${base(world)}/requests.json?${key}&start_date=${later}`);
    expect(empty.body).toEqual([]);

    // The public: only the closed one, as the board shows it — the summary, the building, not the answer.
    const open = await h.call('GET', `${base(world)}/requests.json`);
    expect(open.body).toHaveLength(1);
    expect(open.body[0]).toMatchObject({
      service_request_id: first.service_request_id,
      address: '3栋',
      status: 'closed',
    });
    expect(open.body[0].description).toHaveLength(80);
    expect(open.body[0].status_notes).toBe('已办结');
    const publicXml = parseXml((await h.call('GET', `${base(world)}/requests.xml`)).body);
    expect(publicXml.service_requests.request).toHaveLength(1);

    const bad = [`status=pending`, `start_date=not-a-date`, `service_request_id=1;drop`];
    for (const query of bad) {
      const res = await h.call('GET', `${base(world)}/requests.json?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body[0]).toMatchObject({ code: 400 });
    }
  });

  it('keys belong to one neighbourhood and stop at revocation; another neighbourhood and another jurisdiction_id are not found', async () => {
    const { h, world, prepared } = current;
    const made = await create(h, world);
    const inB = await post(h, `${base(world, world.tenantB.slug)}/requests.json`, {
      api_key: prepared.apiKey,
      service_code: '环境卫生',
      address_string: '门口',
      description: '试图写入乙小区',
    });
    expect(inB.status).toBe(403);
    expect(
      (
        await h.call(
          'GET',
          `${base(world, world.tenantB.slug)}/requests/${made.service_request_id}.json?api_key=${prepared.apiKey}`,
        )
      ).status,
    ).toBe(403);
    expect((await h.call('GET', `${base(world, world.tenantB.slug)}/tokens/${made.token}.json`)).status).toBe(404);
    expect((await h.call('GET', `${base(world, 'no-such-place')}/services.json`)).status).toBe(404);
    expect((await h.call('GET', `${base(world)}/services.json?jurisdiction_id=${world.tenantB.slug}`)).status).toBe(
      404,
    );
    expect((await h.call('GET', `${base(world)}/services.json?jurisdiction_id=${world.tenantA.slug}`)).status).toBe(
      200,
    );
    expect((await h.call('GET', `${base(world)}/services.html`)).status).toBe(404);
    expect((await h.call('PUT', `${base(world)}/requests.json`)).status).toBe(404);

    const revoked = await h.call('DELETE', `/api/v1/t/${world.tenantA.slug}/open311-clients/${prepared.clientId}`, {
      token: world.tokens.adminA,
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    const refused = await post(h, `${base(world)}/requests.json`, {
      api_key: prepared.apiKey,
      service_code: '环境卫生',
      address_string: '门口',
      description: '停用后提交',
    });
    expect(refused.status).toBe(403);
  });

  it('GET discovery: the one production endpoint, its formats', async () => {
    const { h, world } = current;
    const res = await h.call('GET', `${base(world)}/discovery.json`);
    expect(res.status).toBe(200);
    expect(res.body.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      url: `http://localhost:3000${base(world)}`,
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(
      parseXml((await h.call('GET', `${base(world)}/discovery.xml`)).body).discovery.endpoints.endpoint,
    ).toBeDefined();
  });
});

describe('Open311 clients: issued and revoked by the neighbourhood’s admins', () => {
  it('shows the key once, lists only hints, audits both, and is the admins’ alone', async () => {
    const { h, world, prepared } = current;
    const list = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/open311-clients`, { token: world.tokens.adminA });
    expect(list.status).toBe(200);
    expect(list.body.endpoint).toBe(`http://localhost:3000${base(world)}`);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: prepared.clientId, name: '12345 市民热线', keyHint: prepared.apiKey.slice(-4) }),
    ]);
    expect(JSON.stringify(list.body)).not.toContain(prepared.apiKey);

    for (const token of [world.tokens.staffA, world.tokens.residentA]) {
      expect((await h.call('GET', `/api/v1/t/${world.tenantA.slug}/open311-clients`, { token })).status).toBe(403);
      const issue = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/open311-clients`, {
        token,
        json: { name: '越权' },
      });
      expect(issue.status).toBe(403);
    }
    const blank = await h.call('POST', `/api/v1/t/${world.tenantA.slug}/open311-clients`, {
      token: world.tokens.adminA,
      json: { name: ' ' },
    });
    expect(blank.status).toBe(400);
    // Another neighbourhood's admin finds no such client.
    const crossed = await h.call('DELETE', `/api/v1/t/${world.tenantB.slug}/open311-clients/${prepared.clientId}`, {
      token: world.tokens.adminB,
    });
    expect(crossed.status).toBe(404);

    const trail = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit`, { token: world.tokens.adminA });
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('open311.client_issued');
  });
});

async function reportId(h: TestApp, world: World, number: string) {
  const [row] = await withTenant(h.services.db, world.tenantA.id, (tx) =>
    tx
      .select({ id: schema.feedbackReports.id })
      .from(schema.feedbackReports)
      .where(eq(schema.feedbackReports.number, Number(number))),
  );
  return row!.id;
}
