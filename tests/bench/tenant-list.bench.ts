import { API_SERVER, benchTargets, measure, printTable, residentMb, startServer } from './harness.ts';

/** Runs of the authenticated list after the first, to see whether the server's memory keeps growing. */
const REPEATS = 3;

/**
 * Foundation benchmark: an authenticated, tenant-scoped list of 20 members against a bare Hono route on the same
 * server in the same run. Target on Postgres: the list keeps ≥ 50% of the bare route's throughput, p99 < 25 ms.
 */
export async function run() {
  const targets = benchTargets();

  for (const target of targets) {
    const server = await startServer(API_SERVER, target.env);
    try {
      const auth = { authorization: `Bearer ${server.info.token}` };
      const bare = await measure('bare Hono route', `${server.url}/bench/bare`);
      const query = await measure('tenant query only (no auth)', `${server.url}/bench/tenant-query`);
      const list = await measure(
        'GET /t/:tenant/members (20, authenticated)',
        `${server.url}/api/v1/t/${server.info.slug}/members?limit=20`,
        auth,
      );
      printTable(`tenant-scoped list — ${target.label}`, [bare, query, list], bare);
      const ratio = list.requestsPerSecond / bare.requestsPerSecond;
      const verdict = ratio >= 0.5 && list.p99 < 25 ? 'PASS' : 'MISS';
      console.log(
        `${target.label}: list/bare = ${(ratio * 100).toFixed(1)}%, list p99 = ${list.p99} ms, list/query-only = ${((100 * list.requestsPerSecond) / query.requestsPerSecond).toFixed(1)}%` +
          (target.label.startsWith('Postgres') ? `  [target ≥ 50% and p99 < 25 ms: ${verdict}]` : ''),
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
