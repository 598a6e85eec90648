import { headerOf, membershipsIn } from '@city/core';
import { createDatabase } from '@city/db/connect';
import { schema, withTenant, withUser } from '@city/db';
import { votingPlugin } from '@city/plugin-voting/server';
import { buildWorld, createTestApp, signIn, type TestApp } from '@city/testing';
import { count, eq, sql } from 'drizzle-orm';
import { onlineBallots } from '../../plugins/voting/src/server/online-ballots.ts';
import {
  ballotFor,
  installVoting,
  openMeeting,
  seedVotingNeighbourhood,
  type OpenMeeting,
} from '../../plugins/voting/src/server/testing.ts';
import { benchTargets, CONNECTIONS, inFlight, measure, startServer, API_SERVER } from './harness.ts';

const OWNERS = Number(process.env.BENCH_NOTIFY_OWNERS ?? 20_000);
/** Ballots cast in each throughput run (alone, and while a fan-out runs). */
const BALLOTS = Number(process.env.BENCH_NOTIFY_BALLOTS ?? 4_000);
const TARGET_SECONDS = 10;
const TARGET_KEPT = 0.8;
const TARGET_COUNT_SHARE = 0.05;
const HEADER_READS = 4_000;
const DAY = 86_400_000;

type Tenant = { id: string; slug: string; name: string };

/**
 * The reminder the announcement scheduled for a day before the close (to every owner who has not voted; urgent, so a
 * text each) comes due now.
 */
async function reminderDue(h: TestApp, tenant: Tenant, meeting: OpenMeeting) {
  const c = schema.notificationCauses;
  const [due] = await withTenant(h.services.db, tenant.id, (tx) =>
    tx
      .update(c)
      .set({ notBefore: h.clock.now() })
      .where(eq(c.key, `voting:reminder:${meeting.id}`))
      .returning({ id: c.id }),
  );
  if (!due) throw new Error('the announcement scheduled no reminder');
}

async function fanOut(h: TestApp, tenant: Tenant) {
  const started = performance.now();
  await h.services.notifier.dispatch(tenant.id);
  return (performance.now() - started) / 1000;
}

async function cast(h: TestApp, tenant: Tenant, meeting: OpenMeeting, voters: readonly string[]) {
  return inFlight(voters.length, async (i) => {
    const user = voters[i]!;
    await h.services.pluginRuntime.groups.submit(
      votingPlugin,
      tenant,
      { person: { id: user, displayName: '业主' } },
      onlineBallots,
      {
        meetingId: meeting.id,
        ...ballotFor(meeting, meeting.rollOwnerOf.get(user)!),
        idempotencyKey: `${meeting.id}-${i}`,
      },
    );
  });
}

/**
 * A vote's reminder fanned out to OWNERS owners (each gets an inbox item; the reminder is urgent, so a text is queued
 * for each, held until their quiet hours end): how long the whole fan-out takes, in short batches of its own
 * transactions. Then online ballots cast in the database (the group commit the route uses), BALLOTS of them, alone
 * and while another such fan-out runs: the ratio is the ballots' throughput kept. And the header's unread count,
 * which every page asks for, against the page's cheapest tenant read on the same server. Postgres only.
 */
export async function run() {
  const targets = benchTargets();
  for (const t of targets) if (!t.label.startsWith('Postgres')) t.cleanup?.();
  const target = targets.find((t) => t.label.startsWith('Postgres'));
  if (!target) {
    console.log('\nnotifications: SKIPPED — needs a reachable Postgres server (set DATABASE_URL)');
    return;
  }
  const url = target.env.DATABASE_URL!;
  const h = await createTestApp({ plugins: [votingPlugin], database: await createDatabase({ url, driver: 'pg' }) });
  const server = await startServer(API_SERVER, target.env);
  try {
    const world = await buildWorld(h);
    const tenant = { id: world.tenantA.id, slug: world.tenantA.slug, name: world.tenantA.name };
    const people = await seedVotingNeighbourhood(h, tenant.id, { singles: OWNERS });
    if ((await installVoting(h, world)).status !== 200) throw new Error('installing the voting plugin failed');
    // Each opening moves the clock past its notice period; moved back first, all four are open at the same time.
    const open = (title: string) => {
      h.clock.advance(-17 * DAY);
      return openMeeting(h, world, title);
    };
    const reminded = await open('提醒用的业主大会');
    const remindedAgain = await open('又一次提醒');
    const alone = await open('单独投票');
    const during = await open('群发时投票');
    // 23:00 in Beijing: every text waits for the end of quiet hours (queued, not sent, during the measurement).
    const minuteOfDay = (Math.floor(h.clock.now().getTime() / 60_000) + 8 * 60) % 1440;
    h.clock.advance((((23 * 60 - minuteOfDay + 1440) % 1440) + 1) * 60_000);
    await h.services.db.execute(sql`analyze`);

    await reminderDue(h, tenant, reminded);
    const fanOutSeconds = await fanOut(h, tenant);
    const [written] = await withTenant(h.services.db, tenant.id, (tx) =>
      tx.select({ n: count() }).from(schema.notifications).where(eq(schema.notifications.kind, 'voting.reminder')),
    );
    const [queued] = await withTenant(h.services.db, tenant.id, (tx) =>
      tx
        .select({ n: count() })
        .from(schema.notificationDeliveries)
        .where(eq(schema.notificationDeliveries.status, 'pending')),
    );

    const voters = people.singles.slice(0, BALLOTS);
    const baseline = await cast(h, tenant, alone, voters);
    await reminderDue(h, tenant, remindedAgain);
    let secondFanOut = 0;
    const [withFanOut] = await Promise.all([
      cast(h, tenant, during, voters),
      fanOut(h, tenant).then((s) => (secondFanOut = s)),
    ]);
    const kept = withFanOut.perSecond / baseline.perSecond;

    // What the count adds to the header's own transaction (memberships and invitations, read for every page).
    const [user] = await h.services.db
      .select({ id: schema.users.id, phone: schema.users.phone })
      .from(schema.users)
      .where(eq(schema.users.id, people.singles[0]!));
    const header = (withCount: boolean) =>
      inFlight(HEADER_READS, () =>
        withUser(h.services.db, user!, async (tx) => {
          // The header as /me reads it (memberships with the count beside them), or the memberships alone.
          if (withCount) await headerOf(tx, user!.id);
          else await membershipsIn(tx, user!.id);
          await h.services.invitations.receivedIn(tx, user!);
        }),
      );
    await header(true);
    const headerWithout = await header(false);
    const headerWith = await header(true);
    const countShare = 1 - headerWith.perSecond / headerWithout.perSecond;

    // The header's count on every page, against the cheapest tenant read, over the same HTTP stack.
    const [token] = await signIn(h, [people.singles[0]!]);
    const auth = { authorization: `Bearer ${token}` };
    const page = await measure('GET /api/v1/me (the header, with the unread count)', `${server.url}/api/v1/me`, auth);
    const read = await measure('tenant read', `${server.url}/bench/tenant-query`);
    const unread = await measure(
      'the unread count alone (stream snapshot)',
      `${server.url}/api/v1/me/notifications/stream`,
      auth,
    );

    console.log(`\nnotifications — ${target.label}: a reminder to ${OWNERS} owners, ${CONNECTIONS} ballots in flight`);
    console.table([
      {
        measure: `fan-out to ${OWNERS} owners (target < ${TARGET_SECONDS} s)`,
        value: `${fanOutSeconds.toFixed(1)} s`,
        detail: `${written!.n} inbox items, ${queued!.n} texts queued for 08:00`,
        ok: fanOutSeconds < TARGET_SECONDS && written!.n === OWNERS && queued!.n === OWNERS,
      },
      {
        measure: `ballots alone (${BALLOTS})`,
        value: `${baseline.perSecond}/s`,
        detail: `p50 ${baseline.p50.toFixed(0)} ms, p99 ${baseline.p99.toFixed(0)} ms`,
        ok: true,
      },
      {
        measure: `ballots during a fan-out (target ≥ ${TARGET_KEPT * 100}% kept)`,
        value: `${withFanOut.perSecond}/s (${(kept * 100).toFixed(1)}%)`,
        detail: `p50 ${withFanOut.p50.toFixed(0)} ms, p99 ${withFanOut.p99.toFixed(0)} ms; that fan-out ${secondFanOut.toFixed(1)} s`,
        ok: kept >= TARGET_KEPT,
      },
      {
        measure: `the unread count in the header's read (target < ${TARGET_COUNT_SHARE * 100}%)`,
        value: `${(countShare * 100).toFixed(1)}% of its time`,
        detail: `${headerWithout.perSecond}/s without, ${headerWith.perSecond}/s with (${HEADER_READS} reads, ${CONNECTIONS} in flight)`,
        ok: countShare < TARGET_COUNT_SHARE,
      },
    ]);
    console.table(
      [read, unread, page].map((m) => ({
        request: m.name,
        'req/s': m.requestsPerSecond,
        'p50 ms': m.p50,
        'p99 ms': m.p99,
      })),
    );
  } finally {
    await server.stop();
    await h.close();
    target.cleanup?.();
  }
}
