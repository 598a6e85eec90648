import { setImmediate as setImmediatePromise } from 'node:timers/promises';
import { REGISTRY_COLUMNS } from '@city/contracts';
import { readTable, writeTable } from '@city/documents/sheets';
import { describe, expect, it } from 'vitest';
import { seedRegistry, useWorld, type CallOptions } from '@city/testing';

/**
 * CSV injection through the registry export: names that are formulas (OWASP's examples) come back from the export as
 * text a spreadsheet does not run, and the export still re-imports unchanged.
 */

const current = useWorld();
const t = () => `/api/v1/t/${current.world.tenantA.slug}`;
const as = (method: string, path: string, options: CallOptions = {}) =>
  current.h.call(method, `${t()}${path}`, { token: current.world.tokens.adminA, ...options });
const exported = async (format: 'csv' | 'xlsx') => {
  const res = await as('GET', `/registry/export?format=${format}`);
  expect(res.status).toBe(200);
  return new Uint8Array(res.raw);
};
const upload = async (bytes: Uint8Array<ArrayBuffer>) =>
  (
    await as('POST', '/registry/imports?fileName=registry.csv', {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    })
  ).body;

/** Buildings and owners named with formulas (none starting with white space: the importer trims every cell). */
const BUILDINGS = ['=1+1', '=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '-2+3'];
const OWNERS = ['@SUM(1,1)', "=cmd|' /C notepad'!'A1'", '-1+1', '+1+1'];
const NAMES = BUILDINGS.map((building, i) => [building, OWNERS[i]]);

/** The file as a spreadsheet reads it: each text cell quoted, the formula behind an apostrophe. */
const guarded = (text: string, value: string) => expect(text).toContain(`"'${value.replaceAll('"', '""')}"`);

describe('registry export against CSV injection', () => {
  it('imports names that are formulas, exports them as text, and re-imports its own export unchanged', async () => {
    const header = REGISTRY_COLUMNS.map((c) => c.label);
    const rows = NAMES.map(([building, owner]) =>
      REGISTRY_COLUMNS.map(
        (c) =>
          ({ building, floor: '-1', room: '101', sale_status: '已售已交付', owner_name: owner })[c.key as string] ?? '',
      ),
    );
    const plan = await upload(await writeTable({ header, rows }, 'csv'));
    expect(plan).toMatchObject({ status: 'ready', summary: { buildingsCreated: 4, unitsCreated: 4 } });
    expect((await as('POST', `/registry/imports/${plan.id}/apply`)).status).toBe(202);
    // Applying goes on after the answer: the report says when it has ended.
    while ((await as('GET', `/registry/imports/${plan.id}`)).body.status === 'applying') await setImmediatePromise();

    const csv = await exported('csv');
    const text = new TextDecoder().decode(csv);
    for (const value of [...BUILDINGS, ...OWNERS]) guarded(text, value);
    // No cell of the file starts with a formula character: text cells all start with a quote; floor -1 is a number.
    expect(text).not.toMatch(/(^|\r\n|,)[=+\-@\t\r]/);
    expect(text).toContain(`"'-2+3","","-1","101"`);

    const table = await readTable(csv);
    expect(table.rows.map((r) => [r[0], r[8]])).toEqual(expect.arrayContaining(NAMES));
    expect((await upload(csv)).summary).toEqual({
      buildingsCreated: 0,
      unitsCreated: 0,
      unitsUpdated: 0,
      ownersChanged: 0,
      unchanged: 4,
    });

    // XLSX: string cells, read back exactly as stored (a formula cell would come back as its result).
    const xlsx = await readTable(await exported('xlsx'));
    expect(xlsx.rows.map((r) => [r[0], r[8]])).toEqual(expect.arrayContaining(NAMES));
  });

  it('guards a leading tab or carriage return (stored some other way than an import, which trims them)', async () => {
    const { h, world } = current;
    await seedRegistry(h.services.db, world.tenantA.id, {
      owners: { o: '\r=1' },
      units: [{ building: '\t=1', room: '101', area: 8950, owners: ['o'] }],
    });
    const text = new TextDecoder().decode(await exported('csv'));
    guarded(text, '\t=1');
    guarded(text, '\r=1');
  });
});
