import { REGISTRY_COLUMNS } from '@city/contracts';
import { schema, withTenant } from '@city/db';
import { readTable, writeTable } from '@city/documents/sheets';
import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();
const t = () => `/api/v1/t/${current.world.tenantA.slug}`;
const admin = (method: string, path: string, json?: unknown, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  current.h.call(method, `${t()}${path}`, { token: current.world.tokens.adminA, locale, ...(json ? { json } : {}) });

const header = REGISTRY_COLUMNS.map((c) => c.label);
type Row = Partial<Record<(typeof REGISTRY_COLUMNS)[number]['key'], string>>;
const cells = (row: Row) => REGISTRY_COLUMNS.map((c) => row[c.key] ?? '');

async function upload(bytes: Uint8Array<ArrayBuffer>, fileName = 'registry.xlsx', locale = 'zh-CN') {
  const res = await current.h.app.request(`${t()}/registry/imports?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${current.world.tokens.adminA}`,
      'content-type': 'application/octet-stream',
      'accept-language': locale,
    },
    body: bytes,
  });
  return { status: res.status, body: await res.json() };
}

async function download(path: string) {
  const res = await current.h.app.request(`${t()}${path}`, {
    headers: { authorization: `Bearer ${current.world.tokens.adminA}` },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Applies a validated import and polls it, as the portal does, until the background transaction has ended. */
async function apply(id: string) {
  const started = await admin('POST', `/registry/imports/${id}/apply`);
  expect(started.status).toBe(202);
  for (;;) {
    const report = (await admin('GET', `/registry/imports/${id}`)).body;
    if (report.status !== 'applying') return report;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const count = (table: typeof schema.units | typeof schema.owners | typeof schema.unitOwners) =>
  withTenant(current.h.database.db, current.world.tenantA.id, async (tx) => (await tx.select().from(table)).length);

const sheet = [
  {
    building: '1栋',
    entrance: '1单元',
    floor: '1',
    room: '101',
    registered_area: '89.50',
    sale_status: '已售已交付',
    owner_name: '王强',
    owner_phone: '13811112222',
    owner_id_number: '11010519491231002X',
    designated_voter: '是',
  },
  {
    building: '1栋',
    entrance: '1单元',
    floor: '1',
    room: '101',
    registered_area: '89.50',
    sale_status: '已售已交付',
    owner_name: '李梅',
  },
  {
    building: '1栋',
    entrance: '1单元',
    floor: '1',
    room: '102',
    measured_area: '120',
    sale_status: 'sold_delivered',
    owner_name: '王强',
    owner_id_number: '11010519491231002X',
  },
  { building: '2栋', entrance: '', floor: '-1', room: 'B01', contract_area: '30.25', sale_status: '未售' },
] satisfies Row[];

describe('registry import and export', () => {
  it('offers the template in both formats', async () => {
    for (const format of ['csv', 'xlsx']) {
      const res = await download(`/registry/template?format=${format}`);
      expect(res.status).toBe(200);
      expect((await readTable(res.bytes)).header).toEqual(header);
    }
  });

  it('reports every problem row by row in the reader’s language and writes nothing', async () => {
    const csv = new TextEncoder().encode(
      [
        header.join(','),
        '1栋,1单元,一,101,89.5,,,已售已交付,,,,',
        '1栋,1单元,1,102,89.555,,,卖了,张三,,110105194912310021,',
      ].join('\n'),
    );
    const zh = await upload(csv, '错误.csv');
    expect(zh.status).toBe(201);
    expect(zh.body).toMatchObject({ status: 'invalid', rowCount: 2, errorCount: 4 });
    expect(zh.body.errors[0]).toEqual({
      row: 2,
      column: '楼层',
      code: 'floor_format',
      message: '楼层为整数（地下层为负数）',
    });
    const en = await upload(csv, 'wrong.csv', 'en');
    expect(en.body.errors[1]).toMatchObject({
      row: 3,
      column: 'registered_area',
      message: 'Area in m² with at most two decimals, e.g. 89.50',
    });
    expect((await admin('POST', `/registry/imports/${zh.body.id}/apply`)).status).toBe(409);
    expect(await count(schema.units)).toBe(0);
    const garbage = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx');
    expect(garbage.body).toMatchObject({ status: 'invalid', errors: [{ code: 'import_unreadable' }] });
  });

  it('imports a neighbourhood in one go, recognising one buyer of several units, and audits it', async () => {
    const validated = await upload(await writeTable({ header, rows: sheet.map(cells) }, 'xlsx'));
    expect(validated.body).toMatchObject({
      status: 'ready',
      summary: { buildingsCreated: 2, unitsCreated: 3, unitsUpdated: 0, unchanged: 0 },
    });
    const done = await apply(validated.body.id);
    expect(done).toMatchObject({ status: 'applied', progress: null, summary: { unitsCreated: 3 } });
    expect(await count(schema.units)).toBe(3);
    expect(await count(schema.owners)).toBe(2);
    const buildings = (await admin('GET', '/registry/buildings')).body.items;
    const units = (await admin('GET', `/registry/buildings/${buildings[0].id}/units`)).body.items;
    expect(units[0]).toMatchObject({
      room: '101',
      countingArea: '89.50',
      owners: [
        { name: '王强', designatedVoter: true },
        { name: '李梅', designatedVoter: false },
      ],
    });
    expect(units[1].owners[0].ownerId).toBe(units[0].owners[0].ownerId);
    const trail = (await admin('GET', '/audit')).body.items;
    expect(trail[0]).toMatchObject({
      action: 'registry.imported',
      details: expect.objectContaining({ file: 'registry.xlsx', unitsCreated: 3 }),
    });
  });

  it('re-imports its own export without duplicating, and updates what a corrected file changes', async () => {
    await apply((await upload(await writeTable({ header, rows: sheet.map(cells) }, 'csv'), 'first.csv')).body.id);
    const exported = await download('/registry/export?format=xlsx');
    expect(exported.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const table = await readTable(exported.bytes);
    expect(table.rows[0]).toEqual([
      '1栋',
      '1单元',
      '1',
      '101',
      '89.50',
      '',
      '',
      '已售已交付',
      '王强',
      '138****2222',
      '1101**********002X',
      '是',
    ]);
    const same = await upload(exported.bytes, 'export.xlsx');
    expect(same.body.summary).toEqual({
      buildingsCreated: 0,
      unitsCreated: 0,
      unitsUpdated: 0,
      ownersChanged: 0,
      unchanged: 3,
    });
    await apply(same.body.id);

    table.rows[0]![4] = '88.00';
    table.rows[1]![4] = '88.00';
    const corrected = await upload(await writeTable(table, 'xlsx'), 'corrected.xlsx');
    expect(corrected.body.summary).toMatchObject({ unitsUpdated: 1, unchanged: 2 });
    await apply(corrected.body.id);
    expect(await count(schema.units)).toBe(3);
    expect(await count(schema.owners)).toBe(2);
    expect(await count(schema.unitOwners)).toBe(3);
    const actions = (await admin('GET', '/audit')).body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain('registry.exported');
  });

  it('applies all or nothing: a plan that no longer fits the registry changes nothing', async () => {
    await apply((await upload(await writeTable({ header, rows: sheet.map(cells) }, 'xlsx'))).body.id);
    const table = await readTable((await download('/registry/export?format=csv')).bytes);
    table.rows.push(cells({ building: '3栋', floor: '1', room: '101', sale_status: '未售' }));
    const validated = await upload(await writeTable(table, 'csv'), 'more.csv');
    expect(validated.body).toMatchObject({ status: 'ready', summary: { buildingsCreated: 1, unitsCreated: 1 } });
    // Meanwhile the owner of 101 changes: the masked ID number in the file no longer matches anyone there.
    const buildings = (await admin('GET', '/registry/buildings')).body.items;
    const unit = (await admin('GET', `/registry/buildings/${buildings[0].id}/units`)).body.items[0];
    await admin('PUT', `/registry/units/${unit.id}/owners`, {
      owners: [{ name: '新业主', designatedVoter: true }],
      reason: '过户',
    });
    const failed = await apply(validated.body.id);
    expect(failed).toMatchObject({ status: 'failed', errors: [{ row: 2, code: 'masked_owner_unknown' }] });
    expect((await admin('GET', '/registry/buildings')).body.items.map((b: { name: string }) => b.name)).toEqual([
      '1栋',
      '2栋',
    ]);
  });
});
