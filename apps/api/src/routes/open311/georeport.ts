import { Open311QuerySchema, Open311RequestFormSchema } from '@city/contracts';
import { AppError, open311ClientByKey, validationError, type AuditContext, type Open311Client } from '@city/core';
import type { Tx } from '@city/db';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { enterTenant, readPublicly } from '../../access/enter-tenant.ts';
import type { AppEnv } from '../../env.ts';
import { problemBody } from '../../lib/problem.ts';
import { clientIp } from '../../lib/request-meta.ts';
import { toXml, type XmlValue } from './xml.ts';

/** Where a neighbourhood's GeoReport v2 endpoints are: `{base}/services.json`, `{base}/requests.xml`… */
export const OPEN311_BASE = '/api/v1/public/n/:tenant/open311/v2';
export const open311Base = (slug: string) => OPEN311_BASE.replace(':tenant', slug);

type Format = 'json' | 'xml';

/** A failed key counts against the caller's address: a key cannot be guessed at the pace requests are served. */
const KEY_FAILURES = { max: 20, windowMs: 10 * 60_000 };
/** What one client may send: a hotline's busiest hour, not a flood. */
const CLIENT_REQUESTS = { max: 120, windowMs: 60_000 };

/** One of the specification's own refusals (a missing or bad api_key), with its status. */
class Open311Error extends Error {
  readonly status: ContentfulStatusCode;
  readonly description: string;

  constructor(status: ContentfulStatusCode, description: string) {
    super(description);
    this.status = status;
    this.description = description;
  }
}

function answer(c: Context<AppEnv>, format: Format, root: string, value: XmlValue, status: ContentfulStatusCode = 200) {
  c.header('cache-control', 'no-store');
  if (format === 'json') return c.json(value, status);
  return c.body(toXml(root, value), status, { 'content-type': 'text/xml; charset=utf-8' });
}

/** The specification's error format, in the asker's language: `[{code, description}]` or `<errors>`. */
function failure(c: Context<AppEnv>, format: Format, error: unknown) {
  let status: ContentfulStatusCode;
  let description: string;
  if (error instanceof Open311Error) {
    ({ status, description } = error);
  } else if (error instanceof AppError) {
    const problem = problemBody(error, c.get('locale') ?? 'zh-CN');
    status = problem.status as ContentfulStatusCode;
    const fields = problem.errors?.map((e) => `${e.path}: ${e.message}`) ?? [];
    description = [problem.title, ...fields].join('; ');
    if (problem.retryAfter !== undefined) c.header('retry-after', String(problem.retryAfter));
  } else {
    throw error;
  }
  return answer(c, format, 'errors', [{ code: status, description }], status);
}

const zh = (c: Context<AppEnv>) => (c.get('locale') ?? 'zh-CN') === 'zh-CN';

/**
 * The live client holding the key, found in a short read of its neighbourhood; a wrong key counts against the
 * caller's address outside it (the limiter has its own connection, which a held transaction would wait on).
 */
async function identify(c: Context<AppEnv>, key: string) {
  const found = await readPublicly(c, (tx) => open311ClientByKey(tx, key));
  if (found) return found;
  const decision = await c.get('services').limiter.consume(`open311:key:${clientIp(c)}`, KEY_FAILURES);
  if (!decision.allowed) throw new AppError('rate_limited', { retryAfter: decision.retryAfter });
  throw new Open311Error(403, zh(c) ? 'api_key 无效或已停用' : 'Invalid or revoked api_key');
}

/** Reads the neighbourhood as the public; the key, if given, names the client whose own requests it may read. */
async function read<T>(
  c: Context<AppEnv>,
  key: string | undefined,
  body: (tx: Tx, client: Open311Client | null) => Promise<T>,
) {
  const client = key ? await identify(c, key) : null;
  return readPublicly(c, (tx) => body(tx, client));
}

/** A path segment as written: Hono leaves reserved characters (%2F, %25) encoded. */
function segment(raw: string) {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new AppError('not_found');
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

async function createRequest(c: Context<AppEnv>) {
  const form = await c.req.parseBody().catch(() => {
    throw new AppError('malformed_body');
  });
  const key = text(form['api_key']);
  const code = text(form['service_code']);
  if (!key) throw new Open311Error(400, zh(c) ? '缺少 api_key' : 'api_key was not provided');
  if (!code) throw new Open311Error(400, zh(c) ? '缺少 service_code' : 'service_code was not provided');
  const services = c.get('services');
  const sender = await identify(c, key);
  const limit = await services.limiter.consume(`open311:client:${sender.id}`, CLIENT_REQUESTS);
  if (!limit.allowed) throw new AppError('rate_limited', { retryAfter: limit.retryAfter });
  let created: XmlValue | undefined;
  await enterTenant(c, { as: 'public' }, async ({ tx, tenant }) => {
    // Unknown service first (404), as the specification orders it, then the request's own fields (400).
    await services.open311.definition(tx, code);
    const parsed = Open311RequestFormSchema.safeParse(form);
    if (!parsed.success) throw validationError(parsed.error);
    const { 'attribute[place]': place, ...fields } = parsed.data;
    const context: AuditContext = {
      tenantId: tenant.id,
      actor: { id: null, displayName: `Open311 · ${sender.name}` },
      at: services.clock.now(),
    };
    created = await services.open311.create(tx, context, sender, { ...fields, place, service_code: code });
  });
  return created!;
}

/**
 * GeoReport v2, one neighbourhood per base path. Not OpenAPI routes: the paths carry their format as an extension
 * (`services.json`, `requests/12.xml`) and the answers and errors have the specification's shapes, not ours.
 */
export const georeportRoutes = new Hono<AppEnv>().all(`${OPEN311_BASE}/*`, async (c) => {
  const base = open311Base(c.req.param('tenant'));
  const match = /^(.*)\.(json|xml)$/.exec(c.req.path.slice(base.length + 1));
  const format: Format = match?.[2] === 'xml' ? 'xml' : 'json';
  const method = c.req.method;
  const key = c.req.query('api_key');
  const { open311 } = c.get('services');
  try {
    const [resource = '', id, extra] = (match?.[1] ?? '').split('/').map(segment);
    if (!match || extra !== undefined) throw new AppError('not_found');
    if (method === 'POST' && resource === 'requests' && id === undefined) {
      return answer(c, format, 'service_requests', await createRequest(c));
    }
    if (method !== 'GET') throw new AppError('not_found');
    const jurisdiction = c.req.query('jurisdiction_id');
    if (jurisdiction && jurisdiction !== c.req.param('tenant')) throw new AppError('not_found');
    switch (resource) {
      case 'discovery':
        if (id !== undefined) break;
        return answer(c, format, 'discovery', await read(c, undefined, async () => discovery(c, base)));
      case 'services':
        if (id === undefined) {
          return answer(c, format, 'services', await read(c, undefined, (tx) => open311.services(tx)));
        }
        return answer(c, format, 'service_definition', await read(c, undefined, (tx) => open311.definition(tx, id)));
      case 'requests': {
        if (id !== undefined) {
          return answer(c, format, 'service_requests', await read(c, key, (tx, who) => open311.request(tx, who, id)));
        }
        const query = Open311QuerySchema.safeParse(c.req.query());
        if (!query.success) throw validationError(query.error);
        const now = c.get('services').clock.now();
        const found = await read(c, key, (tx, who) => open311.requests(tx, who, query.data, now));
        return answer(c, format, 'service_requests', found);
      }
      case 'tokens':
        if (id === undefined) break;
        return answer(c, format, 'service_requests', await read(c, undefined, (tx) => open311.token(tx, id)));
    }
    throw new AppError('not_found');
  } catch (error) {
    return failure(c, format, error);
  }
});

/** The discovery document (GeoReport v2's "Service Discovery"): this neighbourhood's one production endpoint. */
function discovery(c: Context<AppEnv>, base: string): XmlValue {
  const url = `${c.get('services').publicUrl}${base}`;
  return {
    changeset: '2026-12-03T00:00:00+08:00',
    contact: zh(c) ? '请联系本小区物业服务中心或居委会' : 'Contact the neighbourhood office',
    key_service: zh(c) ? '由本小区管理员在“码上提设置”中签发' : "Issued by the neighbourhood's admins",
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url,
        changeset: '2026-12-03T00:00:00+08:00',
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
