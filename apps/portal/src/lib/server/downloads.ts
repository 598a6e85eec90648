import { error } from '@sveltejs/kit';
import { mediaTypeOf } from './security-headers.ts';

const PASSED = ['content-type', 'cache-control'];

/**
 * Types a browser shows without running anything from the file, so they may open in the tab; every other type (HTML,
 * SVG, XML…) is only ever downloaded, whatever the API said, so a file cannot become a page of the portal.
 */
const SHOWN_INLINE = new Set([
  'application/pdf',
  'application/json',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'text/plain',
  'text/csv',
]);

/** The Content-Disposition a passed-through file gets: the API's (with its file name), `inline` only where safe. */
export function fileDisposition(contentType: string | null, given: string | null): string {
  const inline = SHOWN_INLINE.has(mediaTypeOf(contentType));
  if (!given) return inline ? 'inline' : 'attachment';
  return inline ? given : given.replace(/^\s*inline\b/i, 'attachment');
}

/** Hands a file from the API to the browser (type, file name, caching; never sniffed); failures become error pages. */
export async function passFile(res: Response): Promise<Response> {
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { title?: string } | null;
    error(
      res.status === 401 || res.status === 403 ? 403 : res.status === 400 ? 400 : 404,
      problem?.title ?? 'not found',
    );
  }
  const headers = new Headers({
    'content-disposition': fileDisposition(res.headers.get('content-type'), res.headers.get('content-disposition')),
    'x-content-type-options': 'nosniff',
  });
  for (const name of PASSED) {
    const value = res.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(await res.arrayBuffer(), { status: 200, headers });
}

/** Percent-encodings of a dot, a slash, a backslash, a percent sign or a control character. */
const ENCODED_TRAVERSAL = /%(2e|2f|5c|25|[01][0-9a-f]|7f)/i;
/** What no segment of a plugin file's path holds once decoded (a `%` left over means it was encoded twice). */
const UNSAFE_SEGMENT = /[\\%\p{Cc}]/u;

/**
 * The API path a plugin file request passes through to, confined to the plugin's own API (`prefix`, e.g.
 * `/api/v1/t/jinse/p/voting`), or null: the request's raw path (`requestPath`, as the browser sent it) spells a
 * separator, a dot or a percent sign in percent-encoding (`..%2F`, `%2e%2e%2F`, `%252F`), or the decoded path inside
 * the plugin (`path`) has a `.`/`..` segment, a backslash or a control character. The result is checked once more as
 * the API's router will read it, so nothing that resolves outside the prefix is ever fetched.
 */
export function pluginFileApiPath(prefix: string, requestPath: string, path: string): string | null {
  if (ENCODED_TRAVERSAL.test(requestPath)) return null;
  const segments = path.split('/').filter(Boolean);
  if (!segments.length || segments.some((s) => s === '.' || s === '..' || UNSAFE_SEGMENT.test(s))) return null;
  const target = `${prefix}/${segments.map(encodeURIComponent).join('/')}`;
  const resolved = new URL(target, 'http://api.invalid').pathname;
  return resolved === target && target.startsWith(`${prefix}/`) ? target : null;
}
