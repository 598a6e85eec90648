import { API_SERVER, benchTargets, measure, printTable, residentMb, startServer } from './harness.ts';

/** Runs of the authenticated list after the first, to see whether the server's memory keeps growing. */
const REPEATS = 3;

/**
 * Foundation benchmark: an authenticated, tenant-scoped list of 20 members against a bare Hono route on the same
 * server in the same run. Target on Postgres: the list keeps ≥ 50% of the bare route's throughput, p99 < 25 ms. And
 * what session and membership cost: the list against the same query behind the API's middleware without them (≥ 85%,
 * p99 ≤ 1.5×); the same query on a bare Hono route is printed too.
 */
export async function run() {
  const targets = benchTargets();

  for (const target of targets) {
    const server = await startServer(API_SERVER, target.env);
    try {
      const auth = { authorization: `Bearer ${server.info.token}` };
      const bare = await measure('bare Hono route', `${server.url}/bench/bare`);
      const query = await measure('tenant query only (no auth)', `${server.url}/bench/tenant-query`);
      const inApp = await measure(
        'the same, behind the API’s middleware (no auth)',
        `${server.url}/api/v1/bench/tenant-query`,
      );
      const list = await measure(
        'GET /t/:tenant/members (20, authenticated)',
        `${server.url}/api/v1/t/${server.info.slug}/members?limit=20`,
        auth,
      );
      printTable(`tenant-scoped list — ${target.label}`, [bare, query, inApp, list], bare);
      const ratio = list.requestsPerSecond / bare.requestsPerSecond;
      const verdict = ratio >= 0.5 && list.p99 < 25 ? 'PASS' : 'MISS';
      const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
      console.log(
        `${target.label}: list/bare = ${pct(list.requestsPerSecond, bare.requestsPerSecond)}, list p99 = ${list.p99} ms, list/query-only = ${pct(list.requestsPerSecond, query.requestsPerSecond)}` +
          (target.label.startsWith('Postgres') ? `  [target ≥ 50% and p99 < 25 ms: ${verdict}]` : ''),
      );
      // What session and membership cost: the list against the same query behind the same middleware, without them.
      const authRatio = list.requestsPerSecond / inApp.requestsPerSecond;
      const authVerdict = authRatio >= 0.85 && list.p99 <= 1.5 * inApp.p99 ? 'PASS' : 'MISS';
      console.log(
        `${target.label}: authenticated list / the same query without auth (both behind the API's middleware) = ${pct(list.requestsPerSecond, inApp.requestsPerSecond)}, p99 ${list.p99} vs ${inApp.p99} ms` +
          (target.label.startsWith('Postgres') ? `  [target ≥ 85%, p99 ≤ 1.5×: ${authVerdict}]` : ''),
      );
      // The same load again and again on the same server: its resident memory after each run, which must level off.
      const after = [residentMb(server.pid)];
      for (let i = 0; i < REPEATS; i++) {
        await measure(
          `authenticated list, run ${i + 2}`,
          `${server.url}/api/v1/t/${server.info.slug}/members?limit=20`,
          auth,
        );
        after.push(residentMb(server.pid));
      }
      const [first, last] = [after[0], after.at(-1)];
      console.log(
        `${target.label}: API resident memory after each of ${REPEATS + 1} runs of the list: ${after.join(' / ')} MB` +
          (first !== undefined && last !== undefined ? ` (growth ${last - first} MB)` : ''),
      );
    } finally {
      await server.stop();
      target.cleanup?.();
    }
  }
}
