/**
 * `npm start`: one Node process serves the API (/api/*) and the portal (everything else) on one origin, so the
 * session cookie and CSRF origin checks need no cross-site configuration. The portal's server-side loads reach the
 * API over loopback (API_ORIGIN), forwarding the visitor's session and address.
 */
import { bootApi, printStartBanner, serveNode, shutDown } from '@city/api/node';

const port = Number(process.env.PORT ?? 3000);
process.env.API_ORIGIN ??= `http://127.0.0.1:${port}`;
// adapter-node assumes https unless told the protocol; this server speaks plain http, so it says so itself
// unless a TLS-terminating proxy in front already did. SvelteKit's form CSRF check compares origins with it.
process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';

const booted = await bootApi();
// Imported after the environment is set: adapter-node reads it at load time.
const { handler } = await import('./build/handler.js');
const server = await serveNode(booted.app, {
  port,
  fallback: (req, res) => {
    req.headers['x-forwarded-proto'] ??= 'http';
    handler(req, res);
  },
});
printStartBanner(booted.deps.publicUrl, booted.seeded, booted.database.kind);

const stop = () =>
  server.close(async () => {
    await shutDown(booted);
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
