import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

describe('who decides applications', () => {
  it('hides an application from staff of another branch', async () => {
    const a = await current.h.call('POST', '/api/v1/applications', {
      token: current.world.tokens.outsider,
      json: {
        name: '甲区新盘',
        address: '某路1号',
        communityId: current.world.regions.communityA.id,
        applicantName: '申请人',
      },
    });
    const queue = await current.h.call('GET', '/api/v1/applications', { token: current.world.tokens.otherBranchStaff });
    expect(queue.body.items.map((x: { id: string }) => x.id)).not.toContain(a.body.id);
    const approve = await current.h.call('POST', `/api/v1/applications/${a.body.id}/approve`, {
      token: current.world.tokens.otherBranchStaff,
      json: {},
    });
    expect(approve.status).toBe(404);
    const reject = await current.h.call('POST', `/api/v1/applications/${a.body.id}/reject`, {
      token: current.world.tokens.otherBranchStaff,
      json: { reason: '越权尝试' },
    });
    expect(reject.status).toBe(404);
  });

  it('does not let a neighbourhood admin or an applicant decide', async () => {
    for (const persona of ['adminA', 'outsider'] as const) {
      const res = await current.h.call('GET', '/api/v1/applications', { token: current.world.tokens[persona] });
      expect(res.status).toBe(403);
    }
  });
});
