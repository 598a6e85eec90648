import { describe, expect, it } from 'vitest';
import { trackedView, trackingPath } from './phone.ts';

const at = new Date('2026-03-02T01:00:00Z');
const step = (kind: string, body: string) => ({ kind, actorName: '王工作人员', body, data: { unit: '物业' }, at });

const detail = {
  number: 12,
  category: '设施维修',
  body: '北门路灯坏了',
  place: { kind: 'building' as const, building: '3栋', unit: null, note: '北门' },
  status: 'answered' as const,
  handlingUnit: { id: '0193b7a0-5e2c-7c3e-9b1a-3f4d5e6f7a8b', name: '物业服务中心', kind: 'property' as const },
  dueOn: '2026-03-16',
  dueProvisional: false,
  workingDaysLeft: null,
  reopened: false,
  answeredAt: at,
  closedAt: null,
  rating: null,
  ratingComment: null,
  rejectReason: null,
  createdAt: at,
  steps: [
    step('received', ''),
    step('assigned', '内部：先核实'),
    step('returned', '不归我们管'),
    step('progress', '已派电工'),
    step('answered', '已更换灯泡'),
  ],
  photos: [],
  actions: ['rate' as const],
  photoSide: 'reporter' as const,
};

describe('the tracking page of a report made without an account', () => {
  it('shows the steps and the answer, not who took them nor the notes between staff and the unit', () => {
    const view = trackedView(detail);
    expect(view.steps).toEqual([
      { kind: 'received', body: '', at },
      { kind: 'assigned', body: '', at },
      { kind: 'returned', body: '', at },
      { kind: 'progress', body: '已派电工', at },
      { kind: 'answered', body: '已更换灯泡', at },
    ]);
    expect(view).toMatchObject({ handlingUnit: '物业服务中心', canRate: true, canAddPhoto: true });
    expect(JSON.stringify(view)).not.toContain('王工作人员');
    expect(view).not.toHaveProperty('actions');
  });

  it('offers no rating or photos once the reporter has no step to take', () => {
    expect(trackedView({ ...detail, status: 'closed', actions: [], photoSide: null })).toMatchObject({
      canRate: false,
      canAddPhoto: false,
    });
  });

  it('links to the portal page under the neighbourhood', () => {
    expect(trackingPath('jinse-jiayuan', 'abc')).toBe('/p/jinse-jiayuan/feedback/abc');
  });
});
