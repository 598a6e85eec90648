import { maskPhone } from '@city/contracts';
import { createDatabase } from '@city/db/connect';
import { schema, withTenant } from '@city/db';
import { servicesPlugin } from '@city/plugin-services/server';
import { votingPlugin } from '@city/plugin-voting/server';
import {
  asOwner,
  type CallResult,
  lastCode,
  randomPhone,
  seedRegistry,
  signIn,
  type TestApp,
  useWorld,
  type World,
  WORLD_PASSWORD,
} from '@city/testing';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
// The plugins' own set-up helpers: a deletion is checked against real ballots, chains and orders.
import { HOUR, openVendor, orderBody, paths } from '../../../../../plugins/services/src/server/testing.ts';
import {
  ballotFor,
  installVoting,
  openMeeting,
  seedVotingNeighbourhood,
} from '../../../../../plugins/voting/src/server/testing.ts';

const DAY = 24 * HOUR;
const ID_NUMBER = '11010519491231002X';

/**
 * What residentA leaves behind in neighbourhood A, through the real API wherever there is a route: an owner in the
 * registry under their own name, number and ID number; a verification request; a ballot in an open meeting (and
 * another owner's); a topic and a reply; an order served, reviewed and complained about; an application to open a
 * neighbourhood; and an invitation to their number in B. Unique texts mark what they wrote.
 */
async function leaveTraces(h: TestApp, world: World) {
  const me = world.users.residentA;
  const resident = { token: world.tokens.residentA };
  const tag = Math.random().toString(36).slice(2, 8);
  const texts = {
    topic: `九号楼电梯异响-${tag}`,
    reply: `周末请物业来看-${tag}`,
    note: `房产证在我爱人处-${tag}`,
    review: `阿姨很细心-${tag}`,
    complaint: `迟到了一小时-${tag}`,
    orderNotes: `门铃坏了请敲门-${tag}`,
    orderPhone: randomPhone(),
  };
  await installVoting(h, world);
  const services = await openVendor(h, world);
  const { vendor, a } = paths(world);
  const registry = await seedRegistry(h.services.db, world.tenantA.id, {
    owners: { me: me.displayName },
    units: [{ building: '9栋', room: '901', area: 12_000, owners: ['me'] }],
    verified: { me: me.id },
  });
  await withTenant(h.services.db, world.tenantA.id, async (tx) => {
    await tx
      .update(schema.owners)
      .set({
        phone: me.phone,
        idNumberHash: h.services.registry.idNumberHash(ID_NUMBER),
        idNumberMasked: '1101**********002X',
      })
      .where(eq(schema.owners.id, registry.ownerId.me!));
    // The home openVendor verified them for is registered under their own name too.
    await tx
      .update(schema.owners)
      .set({ name: me.displayName })
      .where(
        sql`${schema.owners.id} in (select owner_id from verifications where user_id = ${me.id} and unit_id = ${services.unitId})`,
      );
  });
  const [neighbour] = await seedVotingNeighbourhood(h, world.tenantA.id, { singles: 1 }).then((n) => n.singles);
  const expectOk = (what: string, res: CallResult) => {
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  };
  expectOk(
    'verification request',
    await h.call('POST', `/api/v1/t/${world.tenantA.slug}/verifications`, {
      ...resident,
      // The neighbour's home (seedVotingNeighbourhood puts it at 1栋 1).
      json: { building: '1栋', room: '1', relation: 'renter', displayName: me.displayName, note: texts.note },
    }),
  );
  expectOk(
    'roles',
    await h.call('PATCH', `/api/v1/t/${world.tenantA.slug}/members/${world.members.residentA}`, {
      token: world.tokens.adminA,
      json: { roles: ['resident', 'committee'] },
    }),
  );
  // Served before the meeting opens: opening moves the clock past the vendor's slot.
  const order = expectOk(
    'order',
    await h.call('POST', `${a}/orders`, {
      ...resident,
      json: orderBody(services, { contactPhone: texts.orderPhone, notes: texts.orderNotes }),
    }),
  );
  const move = (to: string) =>
    h.call('POST', `${vendor}/orders/${order.body.id}/transition`, { token: world.tokens.vendorStaff, json: { to } });
  expectOk('accept', await move('accepted'));
  h.clock.advance(DAY);
  expectOk('serve', await move('in_service'));
  expectOk('complete', await move('completed'));
  expectOk(
    'review',
    await h.call('POST', `${a}/orders/${order.body.id}/review`, {
      ...resident,
      json: { rating: 4, comment: texts.review },
    }),
  );
  expectOk(
    'complaint',
    await h.call('POST', `${a}/orders/${order.body.id}/complaint`, { ...resident, json: { body: texts.complaint } }),
  );
  const meeting = await openMeeting(h, world);
  const ballot = expectOk(
    'ballot',
    await h.call('POST', `${meeting.path}/ballots`, {
      ...resident,
      json: ballotFor(meeting, meeting.rollOwnerOf.get(me.id)!),
    }),
  );
  const [neighbourToken] = await signIn(h, [neighbour!]);
  expectOk(
    "a neighbour's ballot",
    await h.call('POST', `${meeting.path}/ballots`, {
      token: neighbourToken,
      json: ballotFor(meeting, meeting.rollOwnerOf.get(neighbour!)!),
    }),
  );
  const voting = `/api/v1/t/${world.tenantA.slug}/p/voting`;
  const topic = expectOk(
    'topic',
    await h.call('POST', `${voting}/topics`, { ...resident, json: { title: texts.topic, body: texts.topic } }),
  );
  expectOk(
    'reply',
    await h.call('POST', `${voting}/topics/${topic.body.id}/replies`, { ...resident, json: { body: texts.reply } }),
  );
  const othersTopic = expectOk(
    "someone else's topic",
    await h.call('POST', `${voting}/topics`, {
      token: neighbourToken,
      json: { title: '绿化带补种', body: '东侧绿化带缺苗' },
    }),
  );
  const application = expectOk(
    'application',
    await h.call('POST', '/api/v1/applications', {
      ...resident,
      json: {
        name: `新开小区${tag}`,
        address: '新开路1号',
        communityId: world.regions.communityB.id,
        applicantName: me.displayName,
      },
    }),
  );
  expectOk(
    'read of the number',
    await h.call('GET', `/api/v1/applications/${application.body.id}/contact`, {
      token: world.tokens.otherBranchStaff,
    }),
  );
  await withTenant(h.services.db, world.tenantB.id, (tx) =>
    tx.insert(schema.invitations).values({
      tenantId: world.tenantB.id,
      phone: me.phone,
      displayName: me.displayName,
      roles: ['staff'],
      invitedBy: world.users.adminB.id,
      expiresAt: new Date(h.clock.now().getTime() + 7 * DAY),
    }),
  );
  return {
    texts,
    meeting: { id: meeting.id, path: meeting.path },
    receipt: ballot.body.receipt as string,
    orderId: order.body.id as string,
    othersTopicId: othersTopic.body.id as string,
    applicationId: application.body.id as string,
    unitId: registry.unitIds[0]!,
    ownerId: registry.ownerId.me!,
  };
}

const current = useWorld({ plugins: [votingPlugin, servicesPlugin], setUp: leaveTraces });

/**
 * Every text the database holds that contains one of `needles`, as `table.column`: every column of a text, JSON or
 * text-array type in every table, read through the owner's connection (no row-level security in the way).
 */
async function findAnywhere(h: TestApp, needles: readonly string[]): Promise<string[]> {
  const read = await ownerReader(h);
  try {
    const columns = await read<{ table_name: string; column_name: string }>(`
      select c.table_name, c.column_name from information_schema.columns c
      join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or c.udt_name in ('_text', '_varchar'))`);
    expect(columns.length).toBeGreaterThan(50);
    const patterns = needles.map((n) => `'%${n.replace(/'/g, "''").replace(/[\\%_]/g, (c) => `\\${c}`)}%'`).join(',');
    const probes = columns.map(
      ({ table_name: t, column_name: c }) =>
        `select '${t}.${c}' as at from "${t}" where "${c}"::text like any (array[${patterns}])`,
    );
    const rows = await read<{ at: string }>(probes.join('\nunion\n'));
    return rows.map((r) => r.at).sort();
  } finally {
    await read.close();
  }
}

/** Queries as the database owner: PGlite's session leaves the app role for a moment, a server gets its own connection. */
async function ownerReader(h: TestApp) {
  if (h.database.kind === 'pglite') {
    const client = (
      h.database.db as unknown as {
        $client: { exec(sql: string): Promise<unknown>; query<T>(sql: string): Promise<{ rows: T[] }> };
      }
    ).$client;
    await client.exec('RESET ROLE');
    return Object.assign(async <T>(statement: string) => (await client.query<T>(statement)).rows, {
      close: () => client.exec('SET ROLE city_app'),
    });
  }
  const owner = await createDatabase({ url: process.env.DATABASE_URL, driver: 'pg', asOwner: true, poolSize: 1 });
  return Object.assign(async <T>(statement: string) => (await owner.db.execute(sql.raw(statement))).rows as T[], {
    close: () => owner.close(),
  });
}

describe('my personal data', () => {
  it('downloads everything the platform keeps about me, the plugins’ part included, and nobody else’s', async () => {
    const { h, world, prepared } = current;
    const me = world.users.residentA;
    await h.call('PUT', '/api/v1/me/wechat', { token: world.tokens.residentA, json: { code: 'export-check' } });
    const res = await h.call('GET', '/api/v1/me/personal-data', { token: world.tokens.residentA });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="personal-data-\d{4}-\d\d-\d\d\.json"$/,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const data = res.body;
    expect(data).toMatchObject({
      format: 'city-life/personal-data@1',
      account: { id: me.id, phone: me.phone, displayName: me.displayName },
      applications: [expect.objectContaining({ id: prepared.applicationId, applicantPhone: me.phone })],
      reads: [expect.objectContaining({ reader: world.users.otherBranchStaff.displayName, field: 'phone' })],
    });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.notificationPreferences).toMatchObject({ wechatOpenid: 'dev-export-check', digest: false });
    const slugs = data.neighbourhoods.map((n: { tenant: { slug: string } }) => n.tenant.slug).sort();
    expect(slugs).toEqual([world.tenantA.slug, world.tenantB.slug].sort());
    const inA = data.neighbourhoods.find((n: { tenant: { id: string } }) => n.tenant.id === world.tenantA.id);
    expect(inA.membership).toMatchObject({ displayName: me.displayName, roles: ['resident', 'committee'] });
    expect(inA.verifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unit: '1栋 1', status: 'pending', note: prepared.texts.note }),
      ]),
    );
    expect(inA.owners).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ownerId: prepared.ownerId,
          name: me.displayName,
          phone: me.phone,
          idNumberMasked: '1101**********002X',
          units: [expect.objectContaining({ unitId: prepared.unitId, unit: '9栋 901', area: 12_000 })],
        }),
      ]),
    );
    expect(inA.plugins.voting).toMatchObject({
      topics: [expect.objectContaining({ title: prepared.texts.topic })],
      replies: [expect.objectContaining({ body: prepared.texts.reply })],
      ballots: [expect.objectContaining({ receipt: prepared.receipt, status: 'accepted', channel: 'online' })],
    });
    expect(JSON.stringify(inA.plugins.voting)).not.toContain(prepared.othersTopicId);
    expect(inA.plugins.services).toMatchObject({
      orders: [
        expect.objectContaining({
          id: prepared.orderId,
          contactPhone: prepared.texts.orderPhone,
          amountFen: 12_000,
          status: 'completed',
        }),
      ],
      reviews: [expect.objectContaining({ rating: 4, comment: prepared.texts.review })],
      complaints: [expect.objectContaining({ body: prepared.texts.complaint })],
    });
    // The inbox is part of the person's data: here, the business's moves on their order.
    expect(inA.notifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'services.order.updated',
          title: { 'zh-CN': '日常保洁（两小时）：商家已接单', en: '日常保洁（两小时）: accepted by the business' },
          link: expect.stringContaining(prepared.orderId),
        }),
      ]),
    );
    const inB = data.neighbourhoods.find((n: { tenant: { id: string } }) => n.tenant.id === world.tenantB.id);
    expect(inB).toMatchObject({ membership: null, invitations: [expect.objectContaining({ roles: ['staff'] })] });

    // Another person's export holds none of it; an anonymous caller gets nothing.
    const other = await h.call('GET', '/api/v1/me/personal-data', { token: world.tokens.committeeA });
    expect(JSON.stringify(other.body)).not.toContain(me.phone);
    expect(JSON.stringify(other.body)).not.toContain(prepared.receipt);
    expect(other.body.neighbourhoods.map((n: { tenant: { id: string } }) => n.tenant.id)).toEqual([world.tenantA.id]);
    expect((await h.call('GET', '/api/v1/me/personal-data')).status).toBe(401);
  });

  it('deletes my account: nothing personal stays readable, and what the law keeps stays under a pseudonym', async () => {
    const { h, world, prepared } = current;
    const me = world.users.residentA;
    const token = world.tokens.residentA;
    // A masked number is seven digits of eleven: in a database of its own it names this person, in the shared
    // Postgres of the other suites it may also be another world's.
    const masked = h.database.kind === 'pglite' ? [maskPhone(me.phone)] : [];
    const personal = [me.displayName, me.phone, ...masked, ...Object.values(prepared.texts)];
    const found = await findAnywhere(h, personal);
    // The search does find what is there: each of these is stored before the deletion.
    expect(found).toEqual(
      expect.arrayContaining([
        'users.display_name',
        'users.phone',
        'members.display_name',
        'owners.name',
        'owners.phone',
        'verifications.note',
        'audit_log.actor_name',
        'audit_log.details',
        'neighbourhood_applications.applicant_phone',
        'invitations.phone',
        'voting_topics.title',
        'voting_replies.body',
        'voting_roll_owners.names',
        'services_orders.resident_name',
        'services_orders.contact_phone',
        'services_reviews.comment',
        'services_complaints.body',
        // The admins were told of their verification request, by name.
        'notification_causes.title',
        'notifications.title',
      ]),
    );
    const auditBefore = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit/verify`, {
      token: world.tokens.adminA,
    });
    expect(auditBefore.body).toMatchObject({ ok: true });

    const wrong = await h.call('POST', '/api/v1/me/account-deletion', {
      token,
      json: { method: 'password', password: 'not-my-password' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('confirmation_invalid');
    expect(await findAnywhere(h, personal)).toEqual(found);

    const deleted = await h.call('POST', '/api/v1/me/account-deletion', {
      token,
      json: { method: 'password', password: WORLD_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    const pseudonym = deleted.body.pseudonym as string;
    expect(pseudonym).toMatch(/^已注销用户-[0-9A-F]{6}$/);
    expect(deleted.headers.get('set-cookie')).toMatch(/^cl_session=;.*Max-Age=0/);
    await h.services.pluginRuntime.dispatcher.idle();

    expect(await findAnywhere(h, personal)).toEqual([]);

    // Signed out everywhere, and the old credentials open nothing.
    expect((await h.call('GET', '/api/v1/me', { token })).status).toBe(401);
    const oldCredentials = await h.call('POST', '/api/v1/auth/sign-in', {
      json: { phone: me.phone, password: WORLD_PASSWORD },
    });
    expect(oldCredentials.status).toBe(401);
    expect(oldCredentials.body.code).toBe('invalid_credentials');

    // The ballot still counts and the chain still verifies, through the plugin's own checks and the count.
    const chain = await h.call(
      'GET',
      `/api/v1/public/n/${world.tenantA.slug}/p/voting/meetings/${prepared.meeting.id}/chain`,
    );
    expect(chain.body).toMatchObject({ ok: true, entries: 2 });
    const receipt = await h.call('GET', `/api/v1/public/n/${world.tenantA.slug}/p/voting/receipts/${prepared.receipt}`);
    expect(receipt.body).toMatchObject({ status: 'accepted' });
    // The audit trail still verifies; the erasure is on it, naming nobody, and the rewritten entries are listed.
    const audit = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit/verify`, { token: world.tokens.adminA });
    expect(audit.body).toMatchObject({ ok: true });
    const trail = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit?limit=100`, {
      token: world.tokens.adminA,
    });
    const erasure = trail.body.items.find((e: { action: string }) => e.action === 'personal_data.erased');
    expect(erasure).toMatchObject({ actorName: pseudonym, targetId: me.id });
    expect(erasure.details.redacted.length).toBeGreaterThan(0);
    expect(JSON.stringify(erasure)).not.toContain(me.displayName);
    const roles = trail.body.items.find((e: { action: string }) => e.action === 'member.roles_changed');
    expect(roles).toMatchObject({ actorName: world.users.adminA.displayName, details: { member: pseudonym } });
    // A rewrite that no erasure lists is a break in the chain, wherever it was made from.
    await asOwner(
      h.database,
      `update audit_log set actor_name = '某人', actor_salt = null, redacted_at = now()
       where tenant_id = '${world.tenantA.id}' and seq = 1`,
    );
    const forged = await h.call('GET', `/api/v1/t/${world.tenantA.slug}/audit/verify`, { token: world.tokens.adminA });
    expect(forged.body).toMatchObject({ ok: false, brokenAt: 1, reason: 'hash_mismatch' });

    // What stays: the order's money facts, the registry's ownership, the account row — under the pseudonym.
    const kept = await withTenant(h.services.db, world.tenantA.id, async (tx) => ({
      owner: (await tx.select().from(schema.owners).where(eq(schema.owners.id, prepared.ownerId)))[0],
      owned: await tx.select().from(schema.unitOwners).where(eq(schema.unitOwners.unitId, prepared.unitId)),
      member: await tx.select().from(schema.members).where(eq(schema.members.userId, me.id)),
      order: (
        await tx.execute<{ resident_name: string; amount_fen: number; status: string; payment_status: string }>(
          sql`select resident_name, amount_fen, status, payment_status from services_orders where id = ${prepared.orderId}`,
        )
      ).rows[0],
    }));
    expect(kept.owner).toMatchObject({ name: pseudonym, phone: null, idNumberHash: null, idNumberMasked: null });
    expect(kept.owned).toEqual([expect.objectContaining({ ownerId: prepared.ownerId, until: null })]);
    expect(kept.member).toEqual([]);
    expect(kept.order).toEqual({
      resident_name: pseudonym,
      amount_fen: 12_000,
      status: 'completed',
      payment_status: 'paid',
    });
    const [account] = await h.services.db.select().from(schema.users).where(eq(schema.users.id, me.id));
    expect(account).toMatchObject({ displayName: pseudonym, passwordHash: '', erasedAt: expect.any(Date) });

    // The number is free again: whoever holds it may sign up afresh.
    await h.call('POST', '/api/v1/auth/phone-codes', { json: { phone: me.phone, purpose: 'sign-up' } });
    const again = await h.call('POST', '/api/v1/auth/sign-up', {
      json: { phone: me.phone, code: lastCode(h.sms, me.phone), password: 'a-new-start-1', displayName: '新用户' },
    });
    expect(again.status).toBe(201);

    // Counted at the close (sessions lapse meanwhile: the committee signs in again).
    const { closesAt } = (await h.call('GET', prepared.meeting.path, { token: world.tokens.committeeA })).body;
    h.clock.advance(new Date(closesAt).getTime() - h.clock.now().getTime() + HOUR);
    const [committee] = await signIn(h, [world.users.committeeA.id]);
    const closed = await h.call('POST', `${prepared.meeting.path}/close`, { token: committee });
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.turnout.participants.count).toBe(2);
  });

  it('is confirmed by a code texted to my number, and refused while I am the last admin or owner of something', async () => {
    const { h, world } = current;
    // adminB is B's only admin; the vendor's owner is its only owner and its contact.
    for (const persona of ['adminB', 'vendorOwner'] as const) {
      const refused = await h.call('POST', '/api/v1/me/account-deletion', {
        token: world.tokens[persona],
        json: { method: 'password', password: WORLD_PASSWORD },
      });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('account_in_charge');
      expect((await h.call('GET', '/api/v1/me', { token: world.tokens[persona] })).status).toBe(200);
    }

    const me = world.users.outsider;
    const token = world.tokens.outsider;
    const sent = await h.call('POST', '/api/v1/me/account-deletion/code', { token });
    expect(sent.status).toBe(202);
    const code = lastCode(h.sms, me.phone);
    const wrongCode = code === '000000' ? '111111' : '000000';
    const bad = await h.call('POST', '/api/v1/me/account-deletion', {
      token,
      json: { method: 'code', code: wrongCode },
    });
    expect(bad.body.code).toBe('confirmation_invalid');
    const deleted = await h.call('POST', '/api/v1/me/account-deletion', { token, json: { method: 'code', code } });
    expect(deleted.status).toBe(200);
    expect(await findAnywhere(h, [me.displayName, me.phone])).toEqual([]);
    // Nobody else was touched.
    expect((await h.call('GET', '/api/v1/me', { token: world.tokens.residentA })).body.user.displayName).toBe(
      world.users.residentA.displayName,
    );
    expect((await h.call('POST', '/api/v1/me/account-deletion/code')).status).toBe(401);
    expect(
      (await h.call('POST', '/api/v1/me/account-deletion', { json: { method: 'code', code: '123456' } })).status,
    ).toBe(401);
  });

  it("lets a business's former staff member download and delete what its records say of them", async () => {
    const { h, world, prepared } = current;
    const me = world.users.vendorStaff;
    const token = world.tokens.vendorStaff;
    const owner = { token: world.tokens.vendorOwner };
    const staffPath = `/api/v1/organisations/${world.organisation.id}/staff/${me.id}`;
    // Promoted to sign the business's replies, then gone: the business's records still name them.
    expect((await h.call('PUT', staffPath, { ...owner, json: { role: 'manager' } })).status).toBe(204);
    const reply = `谢谢您的认可-${Math.random().toString(36).slice(2, 8)}`;
    const replied = await h.call('POST', `${paths(world).vendor}/reviews/${prepared.orderId}/reply`, {
      token,
      json: { reply },
    });
    expect(replied.status).toBeLessThan(300);
    expect((await h.call('DELETE', staffPath, owner)).status).toBe(204);

    const data = (await h.call('GET', '/api/v1/me/personal-data', { token })).body;
    expect(data.neighbourhoods).toEqual([]);
    expect(data.organisations).toEqual([
      expect.objectContaining({
        id: world.organisation.id,
        role: null,
        leftAt: expect.any(String),
        plugins: {
          services: {
            orderSteps: ['accepted', 'in_service', 'completed'].map((to) =>
              expect.objectContaining({ orderId: prepared.orderId, to, neighbourhood: world.tenantA.name }),
            ),
            replies: [expect.objectContaining({ orderId: prepared.orderId, reply })],
            applications: [],
          },
        },
      }),
    ]);
    // The business's owner filed the application: it is theirs, not in the staff member's export.
    const owners = (await h.call('GET', '/api/v1/me/personal-data', { token: world.tokens.vendorOwner })).body;
    expect(owners.organisations[0].plugins.services.applications).toEqual([
      expect.objectContaining({ neighbourhood: world.tenantA.name }),
    ]);

    const personal = [me.displayName, me.phone];
    expect(await findAnywhere(h, personal)).toEqual(
      expect.arrayContaining(['services_order_events.actor_name', 'services_reviews.replied_by_name']),
    );
    const deleted = await h.call('POST', '/api/v1/me/account-deletion', {
      token,
      json: { method: 'password', password: WORLD_PASSWORD },
    });
    expect(deleted.status).toBe(200);
    expect(await findAnywhere(h, personal)).toEqual([]);

    // The business keeps its dealings: the order's history and the reply, signed by the pseudonym.
    const order = await h.call('GET', `${paths(world).vendor}/orders/${prepared.orderId}`, {
      token: world.tokens.vendorOwner,
    });
    expect(order.status).toBe(200);
    expect(JSON.stringify(order.body)).toContain(deleted.body.pseudonym);
    expect(JSON.stringify(order.body)).not.toContain(me.displayName);
    const resident = await h.call('GET', `${paths(world).a}/orders/${prepared.orderId}`, {
      token: world.tokens.residentA,
    });
    expect(resident.body.review).toMatchObject({ reply });
    // The business's owner and the resident are as they were.
    expect(JSON.stringify(resident.body)).toContain(world.users.residentA.displayName);
  });
});
