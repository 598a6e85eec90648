/**
 * `npm start`: one Node process serves the API (/api/*) and the portal (everything else) on one origin, so the
 * session cookie and CSRF origin checks need no cross-site configuration. The portal's server-side loads reach the
 * API over loopback (API_ORIGIN), forwarding the visitor's session and address.
 */
import { bootApi, printStartBanner, serveNode, shutDown } from '@city/api/node';
import { nonPageCsp, securityHeaders, servedOverHttps } from './src/lib/server/security-headers.ts';

const port = Number(process.env.PORT ?? 3000);
process.env.API_ORIGIN ??= `http://127.0.0.1:${port}`;
// adapter-node assumes https unless told the protocol; this server speaks plain http, so it says so itself
// unless a TLS-terminating proxy in front already did. SvelteKit's form CSRF check compares origins with it.
process.env.PROTOCOL_HEADER ??= 'x-forwarded-proto';
// The portal forwards uploads (registry files, the ledger's and the committee's documents) that the API takes up to
// 20 MB; adapter-node's default of 512 KB would refuse a scanned contract before the form action saw it.
process.env.BODY_SIZE_LIMIT ??= '21M';
// Behind proxies the portal reads its visitor as many hops back as the API does (TRUST_PROXY, apps/api/src/node.ts):
// adapter-node's own variables, set from the one setting unless given.
const hops = process.env.TRUST_PROXY?.trim();
if (hops && hops !== '0') {
  process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
  process.env.XFF_DEPTH ??= hops;
}

// Set on the Node response before SvelteKit's handler runs: the scripts and stylesheets it serves from disk and its
// last-resort error page never reach the `handle` hook, which sets the same headers on everything else.
const secure = Object.entries(securityHeaders(servedOverHttps(process.env.PUBLIC_URL)));

/** A `.` or `..` segment, plain or percent-encoded: browsers resolve them before sending; a crafted request has one. */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
const hasDotSegment = (url: string) =>
  url
    .split('?')[0]!
    .split('/')
    .some((segment) => DOT_SEGMENT.test(segment));

const booted = await bootApi();
// Imported after the environment is set: adapter-node reads it at load time.
const { handler } = await import('./build/handler.js');
const server = await serveNode(booted.app, {
  port,
  fallback: (req, res) => {
    for (const [name, value] of secure) res.setHeader(name, value);
    // Refused rather than resolved to some other page, so no path into a plugin's files can climb out of them.
    if (hasDotSegment(req.url ?? '/')) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': nonPageCsp(null) });
      res.end('Bad Request');
      return;
    }
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
