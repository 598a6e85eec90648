import { describe, expect, it } from 'vitest';
import { addResidents, seedRegistry, signIn, useWorld, type TestApp, type World } from '@city/testing';
import { votingPlugin } from './index.ts';
import { installVoting } from './testing.ts';

/**
 * CSV injection through the ballots export: rooms, owners and motion titles that are formulas (OWASP's examples)
 * come back from the export as text a spreadsheet does not run.
 */

const DAY = 24 * 60 * 60 * 1000;
const BUILDINGS = ['=1+1', "+cmd|' /C calc'!A0", '-2+3', '\t=1'];
const OWNERS = ["=cmd|' /C notepad'!'A1'", '\r=1', '@SUM(1,1)', '-1+1'];
const TITLES = ['=HYPERLINK("http://evil.example","x")', '@SUM(1,1)'];

/** Four owners, each verified for a unit of 100 m² in a building named with a formula, with a session each. */
async function setUp(h: TestApp, world: World) {
  const userIds = await addResidents(h, world.tenantA.id, ['业主一', '业主二', '业主三', '业主四']);
  await seedRegistry(h.services.db, world.tenantA.id, {
    owners: Object.fromEntries(OWNERS.map((name, i) => [`o${i}`, name])),
    units: BUILDINGS.map((building, i) => ({ building, room: '101', area: 100 * 100, owners: [`o${i}`] })),
    verified: Object.fromEntries(userIds.map((id, i) => [`o${i}`, id])),
  });
  expect((await installVoting(h, world)).status).toBe(200);
  return signIn(h, userIds);
}
const current = useWorld({ plugins: [votingPlugin], setUp });

/** The file as a spreadsheet reads it: each text cell quoted, the formula behind an apostrophe. */
const guarded = (text: string, value: string) => expect(text).toContain(`"'${value.replaceAll('"', '""')}"`);

describe('ballots export against CSV injection', () => {
  it('writes rooms, owners and motion titles that are formulas as text', async () => {
    const { h, world, prepared: voters } = current;
    const committee = (method: string, path: string, json?: unknown) =>
      h.call(method, path, { token: world.tokens.committeeA, ...(json ? { json } : {}) });
    const now = h.clock.now().getTime();
    const created = await committee('POST', `/api/v1/t/${world.tenantA.slug}/p/voting/meetings`, {
      title: '业主大会',
      opensAt: new Date(now + 16 * DAY).toISOString(),
      closesAt: new Date(now + 20 * DAY).toISOString(),
      disclosure: 'named',
    });
    const path = `/api/v1/t/${world.tenantA.slug}/p/voting/meetings/${created.body.id}`;
    let motionIds: string[] = [];
    for (const [i, title] of TITLES.entries()) {
      const matterType = ['property_manager', 'raise_maintenance_fund'][i];
      const added = await committee('POST', `${path}/motions`, { matterType, title });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
      motionIds = added.body.motions.map((m: { id: string }) => m.id);
    }
    expect((await committee('POST', `${path}/announce`)).status).toBe(200);
    h.clock.advance(17 * DAY);
    expect((await committee('POST', `${path}/open`)).status).toBe(200);
    for (const token of voters) {
      const [mine] = (await h.call('GET', `${path}/mine`, { token })).body.items;
      const choices = motionIds.map((motionId) => ({ motionId, choice: 'agree' }));
      const cast = await h.call('POST', `${path}/ballots`, { token, json: { rollOwnerId: mine.rollOwnerId, choices } });
      expect(cast.status, JSON.stringify(cast.body)).toBe(201);
    }
    h.clock.advance(4 * DAY);
    expect((await committee('POST', `${path}/close`)).status).toBe(200);

    const exported = await h.call('GET', `${path}/results?format=csv`, { token: voters[0] });
    expect(exported.status).toBe(200);
    const text = new TextDecoder().decode(exported.raw);
    for (const building of BUILDINGS) guarded(text, `${building} 101`);
    for (const value of [...OWNERS, ...TITLES]) guarded(text, value);
    // No cell of the file starts with a formula character: text cells all start with a quote.
    expect(text).not.toMatch(/(^|\r\n|,)[=+\-@\t\r]/);
  });
});
