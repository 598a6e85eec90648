import { PAGE_SIZE_MAX } from '@city/contracts';
import { useWorld, type TestApp } from '@city/testing';
import { describe, expect, it } from 'vitest';
import { installServices } from '../../plugins/services/src/server/testing.ts';
import { servicesPlugin } from '../../plugins/services/src/server/index.ts';
import { votingPlugin } from '../../plugins/voting/src/server/index.ts';
import { installVoting, openMeeting, seedVotingNeighbourhood } from '../../plugins/voting/src/server/testing.ts';

/**
 * Bounded paging, core and plugins alike: a cursor the API did not make is a 400 at `query.cursor` (not silently the
 * first page again), and a page holds at most PAGE_SIZE_MAX items (asking for more is a 400 that says so).
 */
const current = useWorld({ plugins: [votingPlugin, servicesPlugin] });

const FORGED = ['garbage', 'AAAA', 's-1', btoa("1' or '1'='1"), '%E4%B8%AD'];

async function expectBadCursor(h: TestApp, token: string | undefined, url: string) {
  for (const cursor of FORGED) {
    const res = await h.call('GET', `${url}${url.includes('?') ? '&' : '?'}cursor=${cursor}`, { token, locale: 'en' });
    expect(res.status, `${url} with ${cursor}: ${JSON.stringify(res.body)}`).toBe(400);
    expect(res.body.errors).toEqual([
      {
        path: 'query.cursor',
        code: 'cursor_invalid',
        message: 'This page marker is not valid; start again from the first page',
      },
    ]);
  }
}

describe('paging', () => {
  it(`has a documented maximum page size of ${PAGE_SIZE_MAX}`, async () => {
    const { h, world } = current;
    const url = `/api/v1/t/${world.tenantA.slug}/members`;
    const admin = world.tokens.adminA;
    expect((await h.call('GET', `${url}?limit=${PAGE_SIZE_MAX}`, { token: admin })).status).toBe(200);
    for (const limit of [PAGE_SIZE_MAX + 1, 1_000_000]) {
      const res = await h.call('GET', `${url}?limit=${limit}`, { token: admin });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ path: 'limit', code: 'page_size_max', message: '每页最多100条' }]);
    }
    const doc = (await h.call('GET', '/api/v1/openapi.json')).body;
    const limit = doc.paths['/api/v1/t/{tenant}/members'].get.parameters.find(
      (p: { name: string }) => p.name === 'limit',
    );
    expect(limit.schema).toMatchObject({ maximum: PAGE_SIZE_MAX });
    expect(limit.schema.description ?? limit.description).toContain(String(PAGE_SIZE_MAX));
  });

  it('refuses cursors it did not make on the core lists, and follows its own', async () => {
    const { h, world } = current;
    const a = `/api/v1/t/${world.tenantA.slug}`;
    await expectBadCursor(h, world.tokens.adminA, `${a}/members`);
    await expectBadCursor(h, world.tokens.adminA, `${a}/audit`);
    await expectBadCursor(
      h,
      world.tokens.communityStaffA,
      `/api/v1/supervision/neighbourhoods/${world.tenantA.slug}/audit`,
    );
    const first = await h.call('GET', `${a}/members?limit=2`, { token: world.tokens.adminA });
    const second = await h.call('GET', `${a}/members?limit=2&cursor=${first.body.nextCursor}`, {
      token: world.tokens.adminA,
    });
    expect(second.status).toBe(200);
    expect(second.body.items).toHaveLength(2);
  });

  it('refuses them on plugin lists too', async () => {
    const { h, world } = current;
    await installServices(h, world);
    const services = `/api/v1/t/${world.tenantA.slug}/p/services`;
    await expectBadCursor(h, world.tokens.residentA, `${services}/offerings`);
    await expectBadCursor(h, world.tokens.residentA, `${services}/orders`);
    await expectBadCursor(h, world.tokens.vendorOwner, `/api/v1/o/${world.organisation.id}/p/services/orders`);
  });

  it('pages the voting roll with the shared cursor: every owner once, and a forged cursor is a 400', async () => {
    const { h, world } = current;
    await seedVotingNeighbourhood(h, world.tenantA.id, { singles: 120 });
    expect((await installVoting(h, world)).status).toBe(200);
    const meeting = await openMeeting(h, world);
    const staff = world.tokens.staffA;
    const seen: Array<{ id: string; label: string }> = [];
    let cursor: string | null = null;
    do {
      const res = await h.call('GET', `${meeting.path}/roll${cursor ? `?cursor=${cursor}` : ''}`, { token: staff });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...(res.body.items as Array<{ id: string; label: string }>));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen).toHaveLength(120);
    expect(new Set(seen.map((o) => o.id)).size).toBe(120);
    await expectBadCursor(h, staff, `${meeting.path}/roll`);
  });
});
