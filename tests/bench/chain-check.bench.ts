import autocannon from 'autocannon';
import { createDatabase } from '@city/db/connect';
import { votingPlugin } from '@city/plugin-voting/server';
import { createTestApp, buildWorld, signIn } from '@city/testing';
import { sql } from 'drizzle-orm';
import {
  ballotFor,
  installVoting,
  openMeeting,
  seedVotingNeighbourhood,
} from '../../plugins/voting/src/server/testing.ts';
import { API_SERVER, benchTargets, CONNECTIONS, perSecond, startServer } from './harness.ts';

/** Owners per casting round; three rounds (alone, with the chain checked in a loop, alone again). */
const ROUND = Number(process.env.BENCH_CHAIN_ROUND ?? 2_000);
const CHECKERS = 50;
const TARGET = 0.1;
const DAY = 24 * 60 * 60 * 1000;

/**
 * The public chain check under load: 50 clients call GET …/chain (public, no sign-in) in a loop while owners cast
 * their ballots on the same meeting over HTTP. The check reads only, answers from what it knows while the chain head
 * stands and replays only the entries added since; the public API is paced per address (the checkers share one), so
 * casting must not slow by more than 10%. Same run, same server, same meeting: a round of ballots alone, a round
 * beside the checkers, a round alone again (the baseline is the mean of the two alone). Postgres only.
 */
export async function run() {
  const targets = benchTargets();
  for (const t of targets) if (!t.label.startsWith('Postgres')) t.cleanup?.();
  const target = targets.find((t) => t.label.startsWith('Postgres'));
  if (!target) {
    console.log('\nchain check: SKIPPED — needs a reachable Postgres server (set DATABASE_URL)');
    return;
  }
  const url = target.env.DATABASE_URL!;
  const server = await startServer(API_SERVER, target.env);
  const owner = await createDatabase({ url, driver: 'pg', asOwner: true, poolSize: 1 });
  const h = await createTestApp({ plugins: [votingPlugin], database: await createDatabase({ url, driver: 'pg' }) });
  try {
    const world = await buildWorld(h);
    const people = await seedVotingNeighbourhood(h, world.tenantA.id, { singles: 3 * ROUND });
    if ((await installVoting(h, world)).status !== 200) throw new Error('installing the voting plugin failed');
    h.clock.advance(-17 * DAY);
    const meeting = await openMeeting(h, world, '链条核对压力测试');
    const tokens = await signIn(h, people.singles);
    await owner.db.execute(sql`analyze`);
    const ballotsUrl = `${server.url}${meeting.path}/ballots`;
    const chainUrl = `${server.url}/api/v1/public/n/${world.tenantA.slug}/p/voting/meetings/${meeting.id}/chain`;

    const castRound = async (from: number) => {
      let next = from;
      const result = await autocannon({
        url: ballotsUrl,
        connections: CONNECTIONS,
        amount: ROUND,
        timeout: 60,
        requests: [
          {
            method: 'POST',
            setupRequest: (request) => {
              const i = next++;
              request.headers = {
                authorization: `Bearer ${tokens[i]}`,
                'content-type': 'application/json',
                'idempotency-key': `chain-bench-${i}`,
              };
              request.body = JSON.stringify(ballotFor(meeting, meeting.rollOwnerOf.get(people.singles[i]!)!));
              return request;
            },
          },
        ],
      });
      const created =
        (result as typeof result & { statusCodeStats: Record<string, { count: number }> }).statusCodeStats['201']
          ?.count ?? 0;
      return { perSecond: perSecond(result.requests.sent, result.duration * 1000), p99: result.latency.p99, created };
    };

    const alone = await castRound(0);
    // The checkers run until the second round is cast.
    let checkers: autocannon.Instance | undefined;
    const finished = new Promise<autocannon.Result>((resolve, reject) => {
      checkers = autocannon({ url: chainUrl, connections: CHECKERS, duration: 3_600 }, (error, result) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(result),
      );
    });
    const beside = await castRound(ROUND);
    checkers!.stop();
    const checked = await finished;
    const again = await castRound(2 * ROUND);
    const baseline = (alone.perSecond + again.perSecond) / 2;
    const slowdown = 1 - beside.perSecond / baseline;
    const chain = await h.call('GET', chainUrl.slice(server.url.length));

    console.log(
      `\nchain check under load — ${target.label}: ${3 * ROUND} owners in three rounds of ${ROUND}, ${CONNECTIONS} casting at a time, ${CHECKERS} clients checking the chain in a loop`,
    );
    console.table([
      { case: 'ballots alone (round 1)', 'per s': alone.perSecond, 'p99 ms': alone.p99, 'vs baseline': '' },
      {
        case: `ballots beside ${CHECKERS} chain checkers (round 2)`,
        'per s': beside.perSecond,
        'p99 ms': beside.p99,
        'vs baseline': `${(100 * (beside.perSecond / baseline)).toFixed(1)}%`,
      },
      { case: 'ballots alone (round 3)', 'per s': again.perSecond, 'p99 ms': again.p99, 'vs baseline': '' },
      {
        case: 'chain checks answered meanwhile',
        'per s': perSecond(checked.requests.sent, checked.duration * 1000),
        'p99 ms': checked.latency.p99,
        'vs baseline': `${checked.non2xx} not 2xx, ${checked.errors} errors`,
      },
    ]);
    console.table([
      {
        check: `casting slowed by < ${100 * TARGET}%`,
        value: `${(100 * slowdown).toFixed(1)}%`,
        ok: slowdown < TARGET,
      },
      {
        check: 'every ballot accepted, the chain whole',
        value: `${alone.created + beside.created + again.created} of ${3 * ROUND}; chain ok ${chain.body.ok}, ${chain.body.entries} entries`,
        ok: alone.created + beside.created + again.created === 3 * ROUND && chain.body.ok === true,
      },
    ]);
  } finally {
    await h.close();
    await owner.close();
    await server.stop();
    target.cleanup?.();
  }
}
