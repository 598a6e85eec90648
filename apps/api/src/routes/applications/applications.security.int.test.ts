import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../testing/harness.ts';
import { buildWorld, type World } from '../../testing/world.ts';

let h: TestApp;
let world: World;
beforeEach(async () => {
  h = await createTestApp();
  world = await buildWorld(h);
});
afterEach(() => h.close());

describe('who decides applications', () => {
  it('hides an application from staff of another branch', async () => {
    const a = await h.call('POST', '/api/v1/applications', {
      token: world.tokens.outsider,
      json: { name: '甲区新盘', address: '某路1号', communityId: world.regions.communityA.id, applicantName: '申请人' },
    });
    const queue = await h.call('GET', '/api/v1/applications', { token: world.tokens.otherBranchStaff });
    expect(queue.body.items.map((x: { id: string }) => x.id)).not.toContain(a.body.id);
    const approve = await h.call('POST', `/api/v1/applications/${a.body.id}/approve`, {
      token: world.tokens.otherBranchStaff,
      json: {},
    });
    expect(approve.status).toBe(404);
    const reject = await h.call('POST', `/api/v1/applications/${a.body.id}/reject`, {
      token: world.tokens.otherBranchStaff,
      json: { reason: '越权尝试' },
    });
    expect(reject.status).toBe(404);
  });

  it('does not let a neighbourhood admin or an applicant decide', async () => {
    for (const persona of ['adminA', 'outsider'] as const) {
      const res = await h.call('GET', '/api/v1/applications', { token: world.tokens[persona] });
      expect(res.status).toBe(403);
    }
  });
});
