import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { databaseRefusal, useWorld, withTenant } from '@city/testing';
import { partyPlugin } from './index.ts';
import { branchWithMember, party } from './testing.ts';

const current = useWorld({ plugins: [partyPlugin], setUp: (h, world) => branchWithMember(h, world) });

describe('承诺践诺 and 积分制', () => {
  it('takes a commitment from published to fulfilled, and fulfilment earns the scheme’s points', async () => {
    const { h, world } = current;
    const A = world.tenantA.slug;
    const year = new Date().getFullYear();
    // Only confirmed members commit: staffA has not registered.
    const stranger = await h.call('POST', party(A, '/my/commitments'), {
      token: world.tokens.staffA,
      json: { year, title: '每月走访' },
    });
    expect(stranger.body.code).toBe('party.not_registered');
    const published = await h.call('POST', party(A, '/my/commitments'), {
      token: world.tokens.residentA,
      json: { year, title: '每月走访独居老人两次', body: '1栋3户独居老人' },
    });
    expect(published.status).toBe(201);
    const id = published.body.id;
    const early = await h.call('POST', party(A, `/branch/commitments/${id}/decision`), {
      token: world.tokens.adminA,
      json: { action: 'confirm' },
    });
    expect(early.body.code).toBe('party.commitment_state');
    const claimed = await h.call('POST', party(A, `/my/commitments/${id}/claim`), {
      token: world.tokens.residentA,
      json: { evidence: '1–11月共走访22次，附记录' },
    });
    expect(claimed.body).toMatchObject({ status: 'claimed', evidence: '1–11月共走访22次，附记录' });
    const returned = await h.call('POST', party(A, `/branch/commitments/${id}/decision`), {
      token: world.tokens.adminA,
      json: { action: 'return', note: '请补充照片' },
    });
    expect(returned.body).toMatchObject({ status: 'published', evidence: '' });
    await h.call('POST', party(A, `/my/commitments/${id}/claim`), {
      token: world.tokens.residentA,
      json: { evidence: '补充了走访照片' },
    });
    const fulfilled = await h.call('POST', party(A, `/branch/commitments/${id}/decision`), {
      token: world.tokens.adminA,
      json: { action: 'confirm' },
    });
    expect(fulfilled.body).toMatchObject({ status: 'fulfilled', decidedByName: world.users.adminA.displayName });
    const mine = await h.call('GET', party(A, '/my/points'), { token: world.tokens.residentA });
    expect(mine.body).toMatchObject({ total: 5, commitments: [expect.objectContaining({ status: 'fulfilled' })] });
    expect(mine.body.entries).toEqual([
      expect.objectContaining({ ruleName: '践行承诺', points: 5, reason: '每月走访独居老人两次' }),
    ]);
  });

  it('keeps points as a ledger: awards within the cap, corrections as reversals, an assessment that adds up', async () => {
    const { h, world, prepared } = current;
    const A = world.tenantA.slug;
    const rules = (await h.call('GET', party(A, '/branch/rules'), { token: world.tokens.adminA })).body.items;
    const rule = (name: string) => rules.find((r: { name: string }) => r.name === name);
    const mediation = rule('调处矛盾纠纷'); // 3 points, capped at 30 a year
    const give = (ruleId: string, reason = '调解3栋漏水纠纷') =>
      h.call('POST', party(A, '/branch/points'), {
        token: world.tokens.adminA,
        json: { partyMemberId: prepared.partyMemberId, ruleId, reason },
      });
    expect((await give(rule('践行承诺').id)).body.code).toBe('party.rule_automatic');
    for (let i = 0; i < 10; i++) expect((await give(mediation.id)).status).toBe(201);
    expect((await give(mediation.id)).body.code).toBe('party.cap_reached');

    const [last] = (await h.call('GET', party(A, '/branch/points'), { token: world.tokens.adminA })).body.items;
    const reversal = await h.call('POST', party(A, `/branch/points/${last.id}/reversal`), {
      token: world.tokens.adminA,
      json: { reason: '重复记分' },
    });
    expect(reversal.body).toMatchObject({ points: -3, reverses: last.id, reason: '重复记分' });
    const twice = await h.call('POST', party(A, `/branch/points/${last.id}/reversal`), {
      token: world.tokens.adminA,
      json: { reason: '再冲' },
    });
    expect(twice.body.code).toBe('party.already_reversed');
    const ofReversal = await h.call('POST', party(A, `/branch/points/${reversal.body.id}/reversal`), {
      token: world.tokens.adminA,
      json: { reason: '冲正的冲正' },
    });
    expect(ofReversal.body.code).toBe('party.is_reversal');
    // The reversal made room under the cap again.
    expect((await give(mediation.id)).status).toBe(201);

    const year = new Date().getFullYear();
    const assessment = (
      await h.call('GET', party(A, `/branch/assessment?year=${year}`), { token: world.tokens.adminA })
    ).body;
    expect(assessment.members).toEqual([
      expect.objectContaining({ partyMemberId: prepared.partyMemberId, total: 30, byRule: { [mediation.id]: 30 } }),
    ]);
    expect(assessment.total).toBe(30);
    const xlsx = await h.call('GET', party(A, `/branch/assessment/export?year=${year}`), {
      token: world.tokens.adminA,
    });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const pdf = await h.call('GET', party(A, `/branch/assessment/export?year=${year}&format=pdf`), {
      token: world.tokens.adminA,
    });
    expect(new TextDecoder().decode(pdf.raw.slice(0, 5))).toBe('%PDF-');
    const csv = await h.call('GET', party(A, `/branch/assessment/export?year=${year}&format=csv`), {
      token: world.tokens.adminA,
    });
    const [header, row] = new TextDecoder()
      .decode(csv.raw)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(header).toEqual(expect.arrayContaining(['"姓名"', '"调处矛盾纠纷"', '"合计"']));
    expect(row![header!.indexOf('"合计"')]).toBe('30');

    // The ledger cannot be edited, even by the plugin's own role: a correction must be a reversal.
    for (const statement of ['update party_points set points = 100', 'delete from party_points']) {
      const refused = await databaseRefusal(
        withTenant(h.services.db, world.tenantA.id, async (tx) => {
          await tx.execute(sql`select set_config('role', 'city_p_party', true)`);
          await tx.execute(sql.raw(statement));
        }),
      );
      expect(refused.code, statement).toBe('42501');
    }
    // Nor can a reversal take back other than exactly what it reverses.
    const forged = await databaseRefusal(
      withTenant(h.services.db, world.tenantA.id, async (tx) => {
        await tx.execute(sql`select set_config('role', 'city_p_party', true)`);
        await tx.execute(sql`insert into party_points (id, tenant_id, member_id, year, points, reason, reverses, awarded_by_name, at)
          values (gen_random_uuid(), ${world.tenantA.id}, ${prepared.partyMemberId}, ${year}, -1, 'x', ${last.id}, 'x', now())`);
      }),
    );
    expect(forged.code).toBe('23514');
  });

  it('keeps a branch’s scheme and ledger to itself', async () => {
    const { h, world, prepared } = current;
    const [A, B] = [world.tenantA.slug, world.tenantB.slug];
    const rules = (await h.call('GET', party(A, '/branch/rules'), { token: world.tokens.adminA })).body.items;
    const inB = await h.call('POST', party(B, '/branch/points'), {
      token: world.tokens.adminB,
      json: { partyMemberId: prepared.partyMemberId, ruleId: rules[0].id, reason: '越界' },
    });
    expect(inB.body.code).toBe('party.member_missing');
    expect((await h.call('GET', party(A, '/branch/rules'), { token: world.tokens.adminB })).status).toBe(404);
    const renamed = await h.call('PUT', party(B, `/branch/rules/${rules[0].id}`), {
      token: world.tokens.adminB,
      json: { name: '篡改', points: 1 },
    });
    expect(renamed.body.code).toBe('party.rule_missing');
  });
});
