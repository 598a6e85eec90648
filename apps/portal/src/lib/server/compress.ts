import { Duplex } from 'node:stream';
import { constants, createGzip } from 'node:zlib';
import { mediaTypeOf } from './security-headers.ts';

/**
 * What SvelteKit renders per request: pages, their data and form results. Its scripts and stylesheets leave the
 * adapter already compressed; files handed on from the API are mostly compressed formats; an event stream must not
 * wait on a compressor.
 */
const RENDERED = new Set(['text/html', 'application/json']);

/** Whether `Accept-Encoding` takes gzip (named, or `*`, with a weight above zero). */
export function acceptsGzip(header: string | null): boolean {
  const weights = new Map(
    (header ?? '').split(',').map((part) => {
      const [coding = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return [coding, q ? Number(q.slice(2)) : 1] as const;
    }),
  );
  return (weights.get('gzip') ?? weights.get('*') ?? 0) > 0;
}

/**
 * A rendered response gzipped for a browser that takes it. HTML sent as it is costs a phone on a slow network a
 * page's weight several times over before anything shows (a neighbourhood's page: 31 KB, about 8 KB gzipped).
 * Flushed after every chunk, so a page that streams promised data still arrives piece by piece.
 */
export function compressed(request: Request, response: Response): Response {
  if (
    !response.body ||
    request.method === 'HEAD' ||
    response.headers.has('content-encoding') ||
    !RENDERED.has(mediaTypeOf(response.headers.get('content-type'))) ||
    !acceptsGzip(request.headers.get('accept-encoding'))
  ) {
    return response;
  }
  const headers = new Headers(response.headers);
  headers.set('content-encoding', 'gzip');
  headers.delete('content-length');
  headers.append('vary', 'Accept-Encoding');
  const gzip = Duplex.toWeb(createGzip({ flush: constants.Z_SYNC_FLUSH })) as ReadableWritablePair<
    Uint8Array,
    Uint8Array
  >;
  return new Response(response.body.pipeThrough(gzip), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}
