import { errorTitle, type Problem } from '@city/contracts';
import { piiKeyFromEnv } from '@city/core';
import { negotiateLocale } from './lib/locale.ts';
import { forwardedChain, ipAddress } from './lib/request-meta.ts';

/** What Workers' static assets binding offers. */
export interface AssetsBinding {
  fetch(input: Request | URL | string): Promise<Response>;
}

/** What a Hyperdrive binding offers: a URL whose host the runtime routes to Hyperdrive's pooled connections. */
export interface HyperdriveBinding {
  connectionString: string;
}

/** The worker's bindings (wrangler `vars`, secrets and assets; docs/deploying.md). */
export interface EdgeEnv {
  /** The static assets built beside the worker (`assets/`: the PDF fonts). */
  ASSETS?: AssetsBinding;
  /** Postgres through a pooler (Neon's pooled endpoint), as the app's login role. */
  DATABASE_URL?: string;
  /**
   * Instead of DATABASE_URL: Postgres through Hyperdrive (configured with the app login and caching disabled,
   * docs/deploying.md), reached over TCP.
   */
  HYPERDRIVE?: HyperdriveBinding;
  /**
   * The one public address of the product (portal pages and `/api/v1`): links in texts, letters and PDFs are built
   * from it; https makes cookies Secure.
   */
  PUBLIC_URL?: string;
  /** Key of the ID-number hash (base64, ≥ 32 bytes): a secret. */
  PII_KEY?: string;
  /** Local runs only: Neon's client reaches a plain Postgres through infra/neon-ws-proxy. */
  NEON_WS_PROXY?: string;
  /**
   * `tencent` or `aliyun` with their variables (README.md, "SMS carriers"; secrets for the keys), or `dev` — texts
   * then go nowhere unless DEV_SMS_INBOX shows them.
   */
  SMS_SENDER?: string;
  /** The chosen carrier's variables (TENCENTCLOUD_SECRET_ID, SMS_TEMPLATE_CODE, …), read by `smsSenderFromEnv`. */
  [carrierVariable: string]: unknown;
  /**
   * `1`: `/api/v1/dev/sms` shows every text sent, to anyone — a development or test deployment only, never one that
   * real residents use (anyone could read their codes).
   */
  DEV_SMS_INBOX?: string;
  /**
   * Our own proxies in front of the Worker, comma-separated exact IP addresses (v4 or v6, no ranges): in practice
   * the portal host's egress addresses. The portal calls on behalf of every visitor, naming each in X-Forwarded-For;
   * a request whose cf-connecting-ip is listed is counted against that visitor, so the per-address limits apply to
   * each visitor rather than to all of them together. Anyone else's X-Forwarded-For is ignored.
   */
  TRUSTED_PROXIES?: string;
}

export interface EdgeConfig {
  assets: AssetsBinding;
  /** The text settings, for `smsSenderFromEnv` (which checks the carrier's own). */
  sms: Record<string, string>;
  devSmsInbox: boolean;
  databaseUrl: string;
  /** `tcp`: the database URL is Hyperdrive's, reached over the runtime's TCP sockets; else Neon's WebSocket. */
  databaseTransport: 'tcp' | 'websocket';
  publicUrl: string;
  piiKey: string;
  neonWsProxy?: string | undefined;
  /** TRUSTED_PROXIES, each as `ipAddress` writes it. */
  trustedProxies: string[];
}

type Checked = { ok: true; value: EdgeConfig } | { ok: false; problems: string[] };

const isUrl = (value: string, protocols: string[]) => {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** Every binding checked at once, so one deploy shows all that is missing rather than one per attempt. */
export function edgeConfig(env: EdgeEnv): Checked {
  const problems: string[] = [];
  const hyperdrive = env.HYPERDRIVE?.connectionString;
  if (hyperdrive) {
    if (env.DATABASE_URL) problems.push('both HYPERDRIVE and DATABASE_URL are set: bind one database');
  } else if (!env.DATABASE_URL) problems.push('DATABASE_URL is not set (or bind HYPERDRIVE)');
  else if (!isUrl(env.DATABASE_URL, ['postgres:', 'postgresql:']))
    problems.push('DATABASE_URL is not a postgres:// URL');
  if (!env.PUBLIC_URL) problems.push('PUBLIC_URL is not set');
  else if (!isUrl(env.PUBLIC_URL, ['https:', 'http:'])) problems.push('PUBLIC_URL is not an http(s) URL');
  if (!env.PII_KEY) problems.push('PII_KEY is not set (a secret: base64, at least 32 bytes)');
  else {
    try {
      piiKeyFromEnv({ PII_KEY: env.PII_KEY, NODE_ENV: 'production' });
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (!env.ASSETS) problems.push('ASSETS is not bound (the assets folder built beside worker.js: PDF fonts)');
  if (!env.SMS_SENDER) problems.push('SMS_SENDER is not set (tencent or aliyun; dev only where no one real signs up)');
  const trustedProxies: string[] = [];
  for (const entry of forwardedChain(env.TRUSTED_PROXIES)) {
    const address = ipAddress(entry);
    if (address) trustedProxies.push(address);
    else problems.push(`TRUSTED_PROXIES has "${entry}", which is not an IP address`);
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      assets: env.ASSETS!,
      sms: Object.fromEntries(
        Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ),
      devSmsInbox: env.DEV_SMS_INBOX === '1',
      databaseUrl: hyperdrive ?? env.DATABASE_URL!,
      databaseTransport: hyperdrive ? 'tcp' : 'websocket',
      publicUrl: env.PUBLIC_URL!,
      piiKey: env.PII_KEY!,
      neonWsProxy: env.NEON_WS_PROXY || undefined,
      trustedProxies,
    },
  };
}

/** A problem+json answer made outside the app (which is not built yet, or could not be), in the reader's language. */
function problemResponse(request: Request, code: 'server_misconfigured' | 'internal', detail?: string): Response {
  const locale = negotiateLocale(request.headers.get('accept-language') ?? undefined);
  const body: Problem = {
    type: `/problems/${code}`,
    title: errorTitle(code, locale),
    status: 500,
    code,
    ...(detail ? { detail } : {}),
    instance: new URL(request.url).pathname,
  };
  return new Response(JSON.stringify(body), {
    status: 500,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'content-language': locale },
  });
}

/** The answer to every request while the bindings are wrong: a problem naming them (settings, never secrets' values). */
export const misconfigured = (request: Request, problems: string[]) =>
  problemResponse(request, 'server_misconfigured', problems.join('; '));

/** The answer while the app cannot start for another reason (the database unreachable): logged, never detailed. */
export const notStarted = (request: Request) => problemResponse(request, 'internal');
