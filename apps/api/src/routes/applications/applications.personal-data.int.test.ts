import { maskPhone } from '@city/contracts';
import { schema } from '@city/db';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useWorld } from '@city/testing';

const current = useWorld();

const apply = () =>
  current.h.call('POST', '/api/v1/applications', {
    token: current.world.tokens.outsider,
    json: {
      name: '翠湖小区',
      address: '翠湖路2号',
      communityId: current.world.regions.communityA.id,
      applicantName: '申请人',
    },
  });

describe("an applicant's phone number", () => {
  it('is masked in every list and every answer, the applicant’s own included', async () => {
    const { h, world } = current;
    const masked = maskPhone(world.users.outsider.phone);
    const applied = await apply();
    expect(applied.body.applicantPhone).toBe(masked);
    const mine = await h.call('GET', '/api/v1/applications/mine', { token: world.tokens.outsider });
    const queue = await h.call('GET', '/api/v1/applications', { token: world.tokens.communityStaffA });
    const operators = await h.call('GET', '/api/v1/applications', { token: world.tokens.operator });
    for (const list of [mine, queue, operators]) {
      const item = list.body.items.find((a: { id: string }) => a.id === applied.body.id);
      expect(item.applicantPhone).toBe(masked);
    }
    const rejected = await h.call('POST', `/api/v1/applications/${applied.body.id}/reject`, {
      token: world.tokens.streetStaffA,
      json: { reason: '资料不全' },
    });
    expect(rejected.body.applicantPhone).toBe(masked);
    // Approval answers the same way (the world's own neighbourhoods were opened with the number masked too).
    const again = await apply();
    const approved = await h.call('POST', `/api/v1/applications/${again.body.id}/approve`, {
      token: world.tokens.communityStaffA,
      json: {},
    });
    expect(approved.body).toMatchObject({ status: 'approved', applicantPhone: masked });
  });

  it('is read in full only by the staff of the branch, and every read is recorded for the applicant to see', async () => {
    const { h, world } = current;
    const applied = await apply();
    const path = `/api/v1/applications/${applied.body.id}/contact`;

    const read = await h.call('GET', path, { token: world.tokens.streetStaffA });
    expect(read).toMatchObject({ status: 200, body: { phone: world.users.outsider.phone } });
    expect(read.headers.get('cache-control')).toBe('no-store');
    expect((await h.call('GET', path, { token: world.tokens.operator })).status).toBe(200);

    // Staff of another branch: it does not exist. Anyone else: not theirs to ask. The applicant has it already.
    expect((await h.call('GET', path, { token: world.tokens.otherBranchStaff })).status).toBe(404);
    for (const persona of ['outsider', 'adminA', 'residentA'] as const) {
      expect((await h.call('GET', path, { token: world.tokens[persona] })).status).toBe(403);
    }
    expect((await h.call('GET', path)).status).toBe(401);

    const export_ = await h.call('GET', '/api/v1/me/personal-data', { token: world.tokens.outsider });
    expect(export_.body.reads).toEqual([
      expect.objectContaining({ reader: world.users.streetStaffA.displayName, targetId: applied.body.id }),
      expect.objectContaining({ reader: world.users.operator.displayName, targetId: applied.body.id }),
    ]);
    // The reader does not see who else read it (the record is the applicant's).
    const readers = await h.call('GET', '/api/v1/me/personal-data', { token: world.tokens.streetStaffA });
    expect(readers.body.reads).toEqual([]);
  });

  it('is never reachable with the app role outside the policies, whatever the query', async () => {
    const { h, world } = current;
    const applied = await apply();
    const rows = await h.services.db
      .select({ phone: schema.neighbourhoodApplications.applicantPhone })
      .from(schema.neighbourhoodApplications)
      .where(eq(schema.neighbourhoodApplications.id, applied.body.id));
    expect(rows).toEqual([]);
    await h.call('GET', `/api/v1/applications/${applied.body.id}/contact`, { token: world.tokens.streetStaffA });
    expect(await h.services.db.select().from(schema.personalDataReads)).toEqual([]);
  });
});
