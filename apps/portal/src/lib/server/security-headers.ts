/**
 * The headers every response of the portal carries (the portal's README). Pages get their Content-Security-Policy
 * from SvelteKit (`csp` in vite.config.ts, with a fresh nonce per page); `securityHeaders` adds the rest in the
 * `handle` hook for everything SvelteKit answers, and server.ts sets it on the Node response first, so files SvelteKit
 * serves before any hook runs (its scripts and stylesheets) and its last-resort error page carry it too. No imports:
 * server.ts runs this file with Node's type stripping.
 */

/**
 * Features no page uses, refused to the page and anything it embeds. A photo for a claim or an offering is taken
 * through a file input, which asks the phone's camera app, not the page, so `camera` stays off too.
 */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'autoplay',
  'bluetooth',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'screen-wake-lock',
  'serial',
  'usb',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** One year, the minimum the HSTS preload list asks for; subdomains of the portal's host are the portal's too. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** Whether the portal is served over https, read from its public address (`PUBLIC_URL`). */
export const servedOverHttps = (publicUrl: string | undefined) => publicUrl?.startsWith('https://') ?? false;

/** The headers of every response; HSTS only when the public address is https (a browser ignores it on http). */
export function securityHeaders(https: boolean): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    // For browsers without CSP's frame-ancestors.
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    ...(https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/**
 * The Content-Security-Policy of what is not a page (a file, JSON, a redirect): opened on its own it may load and run
 * nothing, and nobody may frame it. Not for PDFs: Chrome draws its PDF viewer inside the PDF's own document, which any
 * source restriction or `sandbox` leaves blank (crbug.com/271452, crbug.com/413851); they only refuse framing.
 */
export function nonPageCsp(contentType: string | null): string {
  return mediaTypeOf(contentType) === 'application/pdf'
    ? "frame-ancestors 'none'"
    : "default-src 'none'; frame-ancestors 'none'; sandbox";
}

/** `text/html; charset=utf-8` → `text/html`. */
export const mediaTypeOf = (contentType: string | null) =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase() || 'application/octet-stream';

/**
 * A response with the security headers added: SvelteKit's pages keep the CSP it wrote; anything else gets
 * `nonPageCsp`. A response whose headers cannot change (one fetched and handed on as it is) is copied first.
 */
export function withSecurityHeaders(response: Response, https: boolean): Response {
  const headers = {
    ...securityHeaders(https),
    ...(response.headers.has('content-security-policy')
      ? {}
      : { 'content-security-policy': nonPageCsp(response.headers.get('content-type')) }),
  };
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value);
    return copy;
  }
}
