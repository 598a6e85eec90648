import { buildPortal, serverBundle, sourcesHash } from '../../../tools/start-builds.ts';

/**
 * What `npm start` runs, made once for all browser journeys (each file then starts the product on its own database):
 * the portal's build and the server's bundle for the sources as they are (tools/start-builds.ts), so the journeys
 * test the bundle users start, not only the sources.
 */
export default async function setup() {
  const hash = sourcesHash();
  buildPortal(hash);
  await serverBundle(hash);
}
