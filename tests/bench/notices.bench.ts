import { API_SERVER, benchTargets, measure, printTable, startServer } from './harness.ts';

/** A resident's notices list (live notices of their audience, pinned first) against the bare route, same run. */
export async function run() {
  for (const target of benchTargets()) {
    const server = await startServer(API_SERVER, target.env);
    try {
      const bare = await measure('bare Hono route', `${server.url}/bench/bare`);
      const list = await measure(
        'GET /t/:tenant/notices (resident)',
        `${server.url}/api/v1/t/${server.info.slug}/notices`,
        {
          authorization: `Bearer ${server.info.residentToken}`,
        },
      );
      printTable(`resident notices list — ${target.label}`, [bare, list], bare);
      console.log(
        `${target.label}: notices/bare = ${((100 * list.requestsPerSecond) / bare.requestsPerSecond).toFixed(1)}%, p99 = ${list.p99} ms`,
      );
    } finally {
      await server.stop();
      target.cleanup?.();
    }
  }
}
