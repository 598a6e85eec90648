/**
 * Neon's WebSocket proxy (infra/neon-ws-proxy) on PORT, dialling only NEON_PROXY_ALLOW (`host:port`), in a process of
 * its own as Neon's is: its forwarding does not share the load generator's event loop. Prints READY.
 */
import { startNeonProxy } from '../../../infra/neon-ws-proxy/proxy.ts';

const allow = process.env.NEON_PROXY_ALLOW;
if (!allow) throw new Error('NEON_PROXY_ALLOW is not set');
await startNeonProxy({ port: Number(process.env.PORT), allow });
console.log(`READY ${JSON.stringify({ allow })}`);
process.on('SIGTERM', () => process.exit(0));
