import { connect } from 'node:net';
import { WebSocketServer } from 'ws';

/**
 * WebSocket-to-TCP proxy for `@neondatabase/serverless` against a plain Postgres (Neon's own proxy is in Go).
 * The client asks for `/v1?address=host:port`; only the one configured address is ever dialled.
 */
export async function startNeonProxy(options: { port?: number; allow: string }) {
  const wss = new WebSocketServer({ port: options.port ?? 0, host: '127.0.0.1' });
  wss.on('connection', (socket, request) => {
    const address = new URL(request.url ?? '/', 'http://proxy').searchParams.get('address');
    if (address !== options.allow) {
      socket.close(1008, 'address not allowed');
      return;
    }
    const [host, port] = address.split(':') as [string, string];
    const tcp = connect({ host, port: Number(port) });
    tcp.setNoDelay(true);
    socket.on('message', (data: Buffer) => tcp.write(data));
    tcp.on('data', (data) => socket.send(data));
    const end = () => {
      tcp.destroy();
      if (socket.readyState === socket.OPEN) socket.close();
    };
    socket.on('close', end);
    socket.on('error', end);
    tcp.on('close', end);
    tcp.on('error', end);
  });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const { port } = wss.address() as { port: number };
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

if (import.meta.main) {
  const proxy = await startNeonProxy({
    port: Number(process.env.NEON_PROXY_PORT ?? 4444),
    allow: process.env.NEON_PROXY_ALLOW ?? '127.0.0.1:5432',
  });
  console.log(`neon ws proxy on 127.0.0.1:${proxy.port} → ${process.env.NEON_PROXY_ALLOW ?? '127.0.0.1:5432'}`);
}
