/**
 * `npm start`: one Node process serves the API (/api/*) and the portal (everything else) on one origin, so the
 * session cookie and CSRF origin checks need no cross-site configuration. The portal's server-side loads reach the
 * API over loopback (API_ORIGIN), forwarding the visitor's session and address.
 */
import { bootApi, printStartBanner, serveNode } from '@city/api/node';

const port = Number(process.env.PORT ?? 3000);
process.env.API_ORIGIN ??= `http://127.0.0.1:${port}`;

const booted = await bootApi();
// Imported after the environment is set: adapter-node reads it at load time.
const { handler } = await import('./build/handler.js');
const server = await serveNode(booted.app, { port, fallback: handler });
printStartBanner(booted.deps.publicUrl, booted.seeded, booted.database.kind);

const stop = () =>
  server.close(async () => {
    await booted.database.close();
    process.exit(0);
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
