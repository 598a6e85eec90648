/**
 * `npm start`: the combined server (apps/portal/server.ts) from its bundle, once the portal's build and the bundle are
 * those of the sources as they are now (tools/start-builds.ts): a start after a change never serves older code.
 */
import { flushCompileCache } from 'node:module';
import { pathToFileURL } from 'node:url';
import { buildPortal, serverBundle, sourcesHash } from './start-builds.ts';

const hash = sourcesHash();
buildPortal(hash);
const entry = await serverBundle(hash);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(entry).href);
// The start script turns Node's compile cache on (NODE_COMPILE_CACHE). It is written now, the server listening, rather
// than at exit: a server stopped by a signal it does not handle would leave none for the next start.
flushCompileCache();
