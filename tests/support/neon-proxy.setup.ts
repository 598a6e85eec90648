import { startNeonProxy } from '../../infra/neon-ws-proxy/proxy.ts';

/** Starts the WebSocket proxy once for the `neon` project; test workers find it through NEON_WS_PROXY. */
export default async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('the neon project needs DATABASE_URL');
  const target = new URL(url);
  const proxy = await startNeonProxy({ allow: `${target.hostname}:${target.port || 5432}` });
  process.env.NEON_WS_PROXY = `127.0.0.1:${proxy.port}`;
  return () => proxy.close();
}
