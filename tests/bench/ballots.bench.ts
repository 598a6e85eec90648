import autocannon from 'autocannon';
import { createDatabase } from '@city/db/connect';
import { type DatabaseHandle } from '@city/db';
import { votingPlugin } from '@city/plugin-voting/server';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp, buildWorld, signIn } from '@city/testing';
import { onlineBallots } from '../../plugins/voting/src/server/online-ballots.ts';
import {
  ballotFor,
  installVoting,
  openMeeting,
  seedVotingNeighbourhood,
  type OpenMeeting,
} from '../../plugins/voting/src/server/testing.ts';
import {
  API_SERVER,
  benchTargets,
  CONNECTIONS,
  DURATION,
  inFlight,
  insertRate,
  measure,
  perSecond,
  startServer,
} from './harness.ts';

const OWNERS = Number(process.env.BENCH_BALLOT_OWNERS ?? 20_000);
/** Issue 23's targets: ballots in the database, and over HTTP, against the plain single-row insert. */
const TARGET = 0.5;
const TARGET_HTTP = 0.25;
const DAY = 24 * 60 * 60 * 1000;
/** Inserts before the baseline is timed (the pool's connections opened, the plan cached). */
const WARM_UP_INSERTS = 2_000;

/**
 * The same ballots cast as the route does once HTTP, the session and the request's validation are done: handed to the
 * runtime's group commit (what `c.get('group')` does), which enters the neighbourhood, checks the members, and runs the
 * plugin's work — the meeting held open, each voter checked on the frozen roll, the choices checked, the ballots
 * written and the chain sealed — one transaction per group. CONNECTIONS in flight through the same pool.
 */
async function castInDatabase(
  h: TestApp,
  tenant: { id: string; slug: string; name: string },
  meeting: OpenMeeting,
  voters: readonly string[],
) {
  const groups = h.services.pluginRuntime.groups;
  let refused = 0;
  const rate = await inFlight(voters.length, async (i) => {
    const user = voters[i]!;
    try {
      const ballot = ballotFor(meeting, meeting.rollOwnerOf.get(user)!);
      await groups.submit(votingPlugin, tenant, { person: { id: user, displayName: '业主' } }, onlineBallots, {
        meetingId: meeting.id,
        ...ballot,
        idempotencyKey: `db-${i}`,
      });
    } catch {
      refused++;
    }
  });
  return { ...rate, refused };
}

/** What a meeting counted, as members see it and as stored: every ballot once, none lost, the chain whole. */
async function verify(h: TestApp, owner: DatabaseHandle, meeting: OpenMeeting, token: string, expected: number) {
  const started = performance.now();
  const view = await h.call('GET', meeting.path, { token });
  const chain = await h.call('GET', `${meeting.path}/chain`, { token });
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await owner.db.execute<{ accepted: number; owners: number; total: number }>(sql`
    select count(*) filter (where status = 'accepted')::int as accepted,
           count(distinct roll_owner_id) filter (where status = 'accepted')::int as owners, count(*)::int as total
    from voting_ballots where meeting_id = ${meeting.id}`);
  const stored = rows[0]!;
  const counted = view.body.turnout.participants.count as number;
  return {
    counted,
    lost: expected - counted,
    duplicates: stored.accepted - stored.owners,
    chain: `ok ${chain.body.ok}, ${chain.body.entries} entries (${seconds.toFixed(1)} s with the turnout)`,
    ok:
      counted === expected &&
      stored.accepted === stored.owners &&
      stored.total === stored.accepted &&
      chain.body.ok === true &&
      chain.body.entries === expected,
  };
}

/**
 * 业主大会 online voting at full turnout: OWNERS owners of a neighbourhood of OWNERS units, each with a verified
 * account, cast their ballot on a meeting of two motions through the real HTTP server, CONNECTIONS at a time, each
 * with its own Idempotency-Key. Baseline in the same database and run: plain single-row inserts at the same
 * concurrency. Then the count is checked: every ballot counted once, none lost, the chain whole.
 * Postgres only (the row locks and the chain under real concurrency are the point). BENCH_BALLOT_OWNERS sets the
 * size (e.g. 5000 for a quick run).
 */
export async function run() {
  const targets = benchTargets();
  for (const t of targets) if (!t.label.startsWith('Postgres')) t.cleanup?.();
  const target = targets.find((t) => t.label.startsWith('Postgres'));
  if (!target) {
    console.log(
      '\nballots: SKIPPED — needs a reachable Postgres server (set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)',
    );
    return;
  }
  const url = target.env.DATABASE_URL!;
  const server = await startServer(API_SERVER, target.env);
  const owner = await createDatabase({ url, driver: 'pg', asOwner: true, poolSize: 1 });
  const h = await createTestApp({ plugins: [votingPlugin], database: await createDatabase({ url, driver: 'pg' }) });
  try {
    // Set-up, straight into the database and through the in-process app (reported, not part of any rate).
    const started = performance.now();
    const world = await buildWorld(h);
    const people = await seedVotingNeighbourhood(h, world.tenantA.id, { singles: OWNERS });
    if ((await installVoting(h, world)).status !== 200) throw new Error('installing the voting plugin failed');
    // The server runs on the system clock: open the meeting now, with its notice period behind it.
    h.clock.advance(-17 * DAY);
    const meeting = await openMeeting(h, world, `${OWNERS}户业主大会`);
    const tokens = await signIn(h, people.singles);
    // Statistics as autovacuum would leave them after a registry import (some servers run with it off).
    await owner.db.execute(sql`analyze`);
    const setupSeconds = (performance.now() - started) / 1000;

    const path = `${server.url}${meeting.path}`;
    const auth = (i: number) => ({ authorization: `Bearer ${tokens[i]}` });
    // Warm-up on the same path without casting: session, tenant transaction, plugin role, the voter's roll entry.
    await autocannon({
      url: `${path}/mine`,
      connections: CONNECTIONS,
      duration: Math.max(1, Math.round(DURATION / 5)),
      headers: auth(0),
    });

    // For scale: the cheapest tenant-scoped route over the same HTTP stack (one read in a withTenant transaction).
    const tenantRead = await measure('tenant read', `${server.url}/bench/tenant-query`);

    let next = 0;
    const refusals: string[] = [];
    const ballots = await autocannon({
      url: `${path}/ballots`,
      connections: CONNECTIONS,
      amount: OWNERS,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          // Called once per request sent (autocannon sends exactly `amount`): owner i casts the i-th ballot.
          setupRequest: (request) => {
            const i = next++;
            request.headers = { ...auth(i), 'content-type': 'application/json', 'idempotency-key': `bench-${i}` };
            request.body = JSON.stringify(ballotFor(meeting, meeting.rollOwnerOf.get(people.singles[i]!)!));
            return request;
          },
          onResponse: (status, body) => {
            if (status !== 201 && refusals.length < 5) refusals.push(`${status} ${body.slice(0, 200)}`);
          },
        },
      ],
    });
    const ballotSeconds = ballots.duration;
    const ballotRate = perSecond(ballots.requests.sent, ballotSeconds * 1000);
    // autocannon reports counts by status code; its types do not describe them.
    const byStatus = (ballots as typeof ballots & { statusCodeStats: Record<string, { count: number }> })
      .statusCodeStats;
    const created = byStatus['201']?.count ?? 0;

    // Baseline: the scratch tables are the owner's (the app role gets DML on them by the default privileges).
    await owner.db.execute(
      sql`create table bench_insert_logged (id uuid primary key, body jsonb not null, created_at timestamptz not null)`,
    );
    await owner.db.execute(
      sql`create unlogged table bench_insert_unlogged (id uuid primary key, body jsonb not null, created_at timestamptz not null)`,
    );
    const body = JSON.stringify(ballotFor(meeting, meeting.rollOwnerOf.get(people.singles[0]!)!).choices);
    await insertRate(h.services.db, 'bench_insert_logged', WARM_UP_INSERTS, body);
    const logged = await insertRate(h.services.db, 'bench_insert_logged', OWNERS, body);
    await insertRate(h.services.db, 'bench_insert_unlogged', WARM_UP_INSERTS, body);
    const unlogged = await insertRate(h.services.db, 'bench_insert_unlogged', OWNERS, body);

    // The same owners again in a second meeting, cast in the database without the HTTP stack (set-up not timed).
    const second = await openMeeting(h, world, `${OWNERS}户业主大会（数据库层）`);
    await owner.db.execute(sql`analyze`);
    const inDatabase = await castInDatabase(
      h,
      { id: world.tenantA.id, slug: world.tenantA.slug, name: world.tenantA.name },
      second,
      people.singles,
    );

    const overHttp = await verify(h, owner, meeting, tokens[0]!, OWNERS);
    const direct = await verify(h, owner, second, tokens[0]!, OWNERS);
    const ratio = inDatabase.perSecond / logged.perSecond;
    const ratioHttp = ballotRate / logged.perSecond;

    console.log(
      `\nonline ballots — ${target.label}: ${OWNERS} owners, one meeting of 2 motions, ${CONNECTIONS} in flight ` +
        `(set-up ${setupSeconds.toFixed(1)} s: accounts, sessions, registry, roll frozen at opening)`,
    );
    console.table([
      {
        case: 'ballots cast in the database (the route after HTTP and sign-in)',
        'per s': inDatabase.perSecond,
        seconds: inDatabase.seconds.toFixed(1),
        'p50 ms': inDatabase.p50.toFixed(1),
        'p99 ms': inDatabase.p99.toFixed(1),
        'vs baseline': `${(100 * ratio).toFixed(1)}%`,
      },
      {
        case: 'baseline: insert one row (logged table)',
        'per s': logged.perSecond,
        seconds: logged.seconds.toFixed(1),
        'p50 ms': logged.p50.toFixed(1),
        'p99 ms': logged.p99.toFixed(1),
        'vs baseline': '100.0%',
      },
      {
        case: 'insert one row (unlogged table)',
        'per s': unlogged.perSecond,
        seconds: unlogged.seconds.toFixed(1),
        'p50 ms': unlogged.p50.toFixed(1),
        'p99 ms': unlogged.p99.toFixed(1),
        'vs baseline': `${((100 * unlogged.perSecond) / logged.perSecond).toFixed(1)}%`,
      },
      {
        case: 'POST …/ballots (HTTP, each owner once)',
        'per s': ballotRate,
        seconds: ballotSeconds.toFixed(1),
        'p50 ms': ballots.latency.p50,
        'p99 ms': ballots.latency.p99,
        'vs baseline': `${(100 * ratioHttp).toFixed(1)}%`,
      },
      {
        case: 'for scale: GET /bench/tenant-query (HTTP, 1 read)',
        'per s': tenantRead.requestsPerSecond,
        seconds: String(DURATION),
        'p50 ms': tenantRead.p50,
        'p99 ms': tenantRead.p99,
        'vs baseline': `${((100 * tenantRead.requestsPerSecond) / logged.perSecond).toFixed(1)}%`,
      },
    ]);
    const statuses = Object.entries(byStatus)
      .map(([code, s]) => `${code}×${s.count}`)
      .join(', ');
    console.table([
      {
        check: 'HTTP responses',
        value: `${statuses}; errors ${ballots.errors}, timeouts ${ballots.timeouts}`,
        ok: created === OWNERS && ballots.errors + ballots.timeouts === 0,
      },
      { check: 'in the database: refused', value: inDatabase.refused, ok: inDatabase.refused === 0 },
      ...(
        [
          ['HTTP', overHttp],
          ['in the database', direct],
        ] as const
      ).flatMap(([where, v]) => [
        {
          check: `${where}: counted (turnout participants)`,
          value: `${v.counted} of ${OWNERS}`,
          ok: v.counted === OWNERS,
        },
        { check: `${where}: lost (expected − counted)`, value: v.lost, ok: v.lost === 0 },
        {
          check: `${where}: duplicates (accepted rows − distinct roll owners)`,
          value: v.duplicates,
          ok: v.duplicates === 0,
        },
        { check: `${where}: chain recomputed`, value: v.chain, ok: v.ok },
      ]),
    ]);
    if (refusals.length) console.log(`first refusals: ${refusals.join(' | ')}`);
    console.log(
      `ballots in the database / baseline = ${(100 * ratio).toFixed(1)}% [target ≥ ${100 * TARGET}%: ${ratio >= TARGET ? 'PASS' : 'MISS'}]; ` +
        `over HTTP ${(100 * ratioHttp).toFixed(1)}% [target ≥ ${100 * TARGET_HTTP}%: ${ratioHttp >= TARGET_HTTP ? 'PASS' : 'MISS'}]`,
    );
  } finally {
    await h.close();
    await owner.close();
    await server.stop();
    target.cleanup?.();
  }
}
