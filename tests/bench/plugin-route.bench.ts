import { API_SERVER, benchTargets, measure, printTable, startServer } from './harness.ts';

/**
 * What the plugin runtime costs a request: a resident reading the directory plugin (its install and the resident's
 * plugin roles looked up, the switch to the plugin's database role) against a core tenant route of the same size
 * (the resident's notices) and the bare route, in one run on one server.
 */
export async function run() {
  for (const target of benchTargets()) {
    const server = await startServer(API_SERVER, target.env);
    try {
      const auth = { authorization: `Bearer ${server.info.residentToken}` };
      const bare = await measure('bare Hono route', `${server.url}/bench/bare`);
      const core = await measure(
        'GET /t/:tenant/notices (core)',
        `${server.url}/api/v1/t/${server.info.slug}/notices`,
        auth,
      );
      const plugin = await measure(
        'GET /t/:tenant/p/contacts/entries (plugin)',
        `${server.url}/api/v1/t/${server.info.slug}/p/contacts/entries`,
        auth,
      );
      printTable(`plugin route vs core route — ${target.label}`, [bare, core, plugin], core);
      console.log(
        `${target.label}: plugin/core = ${((100 * plugin.requestsPerSecond) / core.requestsPerSecond).toFixed(1)}%, plugin p99 = ${plugin.p99} ms`,
      );
    } finally {
      await server.stop();
      target.cleanup?.();
    }
  }
}
