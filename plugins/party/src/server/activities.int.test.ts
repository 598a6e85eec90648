import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useWorld, type TestApp, type World } from '@city/testing';
import { DEFAULT_DUTIES } from '../values.ts';
import { partyPlugin } from './index.ts';
import { branchWithMember, party } from './testing.ts';

const HOUR = 3600_000;

const current = useWorld({ plugins: [partyPlugin], setUp: (h, world) => branchWithMember(h, world) });

function plan(h: TestApp, world: World, input: Record<string, unknown>) {
  const startsAt = new Date(h.clock.now().getTime() + 24 * HOUR);
  return h.call('POST', party(world.tenantA.slug, '/branch/activities'), {
    token: world.tokens.adminA,
    json: {
      title: '12月主题党日',
      place: '党群服务站',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
      ...input,
    },
  });
}

describe('activities', () => {
  it('lets party members join 三会一课, residents the volunteer work opened to them, within the seats', async () => {
    const { h, world } = current;
    const A = world.tenantA.slug;
    const meeting = await plan(h, world, { kind: 'meeting', meetingType: 'assembly' });
    expect(meeting.status).toBe(201);
    expect(meeting.body.ruleName).toBe('参加组织生活（三会一课）');
    // The branch may mark members present who did not sign up: they are offered with the sign-ups.
    expect(meeting.body.candidates).toEqual([
      { userId: world.users.residentA.id, name: world.users.residentA.displayName },
    ]);
    const invalid = await plan(h, world, { kind: 'meeting', meetingType: 'assembly', openToResidents: true });
    expect(invalid.status).toBe(400);
    const volunteer = await plan(h, world, {
      kind: 'volunteer',
      title: '楼道清理',
      capacity: 1,
      openToResidents: true,
    });

    // A resident who is not a party member sees only the volunteer work.
    const seen = (await h.call('GET', party(A, '/activities'), { token: world.tokens.staffA })).body.items;
    expect(seen.map((a: { title: string }) => a.title)).toEqual(['楼道清理']);
    expect(
      (await h.call('POST', party(A, `/activities/${meeting.body.id}/signup`), { token: world.tokens.staffA })).body
        .code,
    ).toBe('party.activity_missing');
    const joined = await h.call('POST', party(A, `/activities/${volunteer.body.id}/signup`), {
      token: world.tokens.staffA,
    });
    expect(joined.body).toMatchObject({ mine: true, signedUp: 1, canSignUp: false, signups: [] });
    const full = await h.call('POST', party(A, `/activities/${volunteer.body.id}/signup`), {
      token: world.tokens.residentA,
    });
    expect(full.body.code).toBe('party.activity_full');
    const mine = await h.call('POST', party(A, `/activities/${meeting.body.id}/signup`), {
      token: world.tokens.residentA,
    });
    expect(mine.body).toMatchObject({ mine: true, signedUp: 1 });
    // The branch sees who signed up.
    const detail = await h.call('GET', party(A, `/activities/${meeting.body.id}`), { token: world.tokens.adminA });
    expect(detail.body.candidates).toEqual([]);
    expect(detail.body.signups).toEqual([
      expect.objectContaining({ name: world.users.residentA.displayName, partyMember: true, attended: null }),
    ]);
    expect(
      (await h.call('GET', party(A, `/activities/${meeting.body.id}`), { token: world.tokens.adminB })).status,
    ).toBe(404);
  });

  it('takes attendance once it started: members present earn the scheme’s points, once', async () => {
    const { h, world } = current;
    const A = world.tenantA.slug;
    const meeting = await plan(h, world, { kind: 'meeting', meetingType: 'lecture', title: '党课：民法典物权编' });
    const id = meeting.body.id;
    await h.call('POST', party(A, `/activities/${id}/signup`), { token: world.tokens.residentA });
    const take = (present: string[]) =>
      h.call('POST', party(A, `/branch/activities/${id}/attendance`), {
        token: world.tokens.adminA,
        json: { present },
      });
    expect((await take([world.users.residentA.id])).body.code).toBe('party.attendance_early');
    h.clock.advance(25 * HOUR);
    expect((await take([world.users.staffA.id])).body.code).toBe('party.not_attendee');
    const taken = await take([world.users.residentA.id]);
    expect(taken.body).toMatchObject({ status: 'held', attended: 1 });
    expect((await take([world.users.residentA.id])).body.code).toBe('party.attendance_taken');
    const points = (await h.call('GET', party(A, '/my/points'), { token: world.tokens.residentA })).body;
    expect(points.entries).toEqual([expect.objectContaining({ points: 2, reason: '党课：民法典物权编' })]);

    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const uploaded = await h.call('POST', party(A, `/branch/activities/${id}/photos`), {
      token: world.tokens.adminA,
      body: new Uint8Array(photo),
      headers: { 'content-type': 'image/png' },
    });
    expect(uploaded.status).toBe(201);
    const shown = await h.call('GET', party(A, `/photos/${uploaded.body.id}`), { token: world.tokens.residentA });
    expect(shown.headers.get('content-type')).toBe('image/png');
    // A members-only activity's photos are not for other residents, nor for another neighbourhood.
    expect((await h.call('GET', party(A, `/photos/${uploaded.body.id}`), { token: world.tokens.staffA })).status).toBe(
      404,
    );
    expect(
      (await h.call('GET', party(world.tenantB.slug, `/photos/${uploaded.body.id}`), { token: world.tokens.adminB }))
        .status,
    ).toBe(404);
    const notPhoto = await h.call('POST', party(A, `/branch/activities/${id}/photos`), {
      token: world.tokens.adminA,
      body: new TextEncoder().encode('<html></html>'),
      headers: { 'content-type': 'image/png' },
    });
    expect(notPhoto.body.code).toBe('party.photo_invalid');
  });
});

describe('the duty list and residents’ needs', () => {
  it('starts the year with the default duties, tracks them, and turns collected needs into 码上提 reports', async () => {
    const { h, world } = current;
    const A = world.tenantA.slug;
    const list = (await h.call('GET', party(A, '/branch/duties'), { token: world.tokens.adminA })).body;
    expect(list.items.map((d: { title: string }) => d.title)).toEqual([...DEFAULT_DUTIES]);
    const first = list.items[0];
    const saved = await h.call('PUT', party(A, `/branch/duties/${first.id}`), {
      token: world.tokens.adminA,
      json: { title: first.title, status: 'doing', evidence: '已入户走访40户' },
    });
    expect(saved.body.items[0]).toMatchObject({ status: 'doing', evidence: '已入户走访40户' });
    const twice = await h.call('POST', party(A, '/branch/duties'), {
      token: world.tokens.adminA,
      json: { year: list.year, title: '建立治理清单' },
    });
    expect(twice.body.code).toBe('party.duty_taken');
    expect((await h.call('GET', party(A, '/branch/duties'), { token: world.tokens.residentA })).status).toBe(403);

    // A member passes on a neighbour's need: it becomes the member's own 码上提 report.
    expect(
      (await h.call('POST', party(A, '/needs'), { token: world.tokens.staffA, json: { body: '路灯坏了' } })).body.code,
    ).toBe('party.not_registered');
    const need = await h.call('POST', party(A, '/needs'), {
      token: world.tokens.residentA,
      json: { body: '3栋门口路灯坏了一周，老人晚上出入不便', note: '3栋门口' },
    });
    expect(need.status).toBe(201);
    expect(need.body.reportNumber).toBeGreaterThan(0);
    const reports = (await h.call('GET', `/api/v1/t/${A}/feedback`, { token: world.tokens.adminA })).body.items;
    expect(reports.map((r: { number: number }) => r.number)).toContain(need.body.reportNumber);
    const after = (await h.call('GET', party(A, '/branch/duties'), { token: world.tokens.adminA })).body;
    expect(after.needs).toEqual([
      expect.objectContaining({ memberName: world.users.residentA.displayName, reportNumber: need.body.reportNumber }),
    ]);
  });
});
