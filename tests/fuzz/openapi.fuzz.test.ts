import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorldApp, PERSONAS, type Persona, type TestApp, type World } from '@city/testing';
import { contactsManifest } from '../../plugins/contacts/src/manifest.ts';
import { contactsPlugin } from '../../plugins/contacts/src/server/index.ts';
import { partyManifest } from '../../plugins/party/src/manifest.ts';
import { partyPlugin } from '../../plugins/party/src/server/index.ts';
import { servicesManifest } from '../../plugins/services/src/manifest.ts';
import { servicesPlugin } from '../../plugins/services/src/server/index.ts';
import { votingManifest } from '../../plugins/voting/src/manifest.ts';
import { votingPlugin } from '../../plugins/voting/src/server/index.ts';
import { fixturePlugin, FIXTURE_SCOPES } from '../fixtures/fixture-plugin/src/server/index.ts';
import { sideOf } from '../isolation/fixtures.ts';
import { operations, type Operation } from '../isolation/openapi-walk.ts';
import { addressValue, bodyOf, type JsonSchema, type RawBody, type Source } from './arbitraries.ts';
import { changedTables, writeProbe } from './writes.ts';

/**
 * The fuzz test: every operation of the live OpenAPI document, as every persona of the role × route matrix, with
 * arbitrary path parameters, query strings and bodies — of the schema's shape (real ids of the world among them) and
 * junk (NUL, unpaired surrogates, bidi controls, numbers past every range, nesting as deep as the body limit allows,
 * JSON that does not parse, percent-encodings that do not decode). No answer is a 5xx, and a 4xx changes nothing
 * (every table's rows and the audit chain heads, read as the owner, are the same after it).
 *
 * Seeded: the seed is printed; `FUZZ_SEED=<seed>` replays a run, `FUZZ_RUNS=<n>` (runs per route and persona, 2 by
 * default: two to three minutes on two cores) searches harder.
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
console.info(`[fuzz] seed ${SEED}, ${RUNS} runs per route and persona — replay with FUZZ_SEED=${SEED}`);

const plugins = [fixturePlugin(), votingPlugin, servicesPlugin, contactsPlugin, partyPlugin];
const grants = [
  ['fixture', FIXTURE_SCOPES],
  ['voting', votingManifest.scopes],
  ['services', servicesManifest.scopes],
  ['contacts', contactsManifest.scopes],
  ['party', partyManifest.scopes],
] as const;

/** Plugins installed in both neighbourhoods and a row of every kind a route names by id (the isolation suite's). */
async function setUp(h: TestApp, world: World) {
  for (const [admin, tenant] of [
    ['adminA', world.tenantA],
    ['adminB', world.tenantB],
  ] as const) {
    for (const [id, grantedScopes] of grants) {
      const res = await h.call('POST', `/api/v1/t/${tenant.slug}/plugins/${id}/install`, {
        token: world.tokens[admin],
        json: { grantedScopes },
      });
      if (res.status !== 200) throw new Error(`${id} not installed: ${JSON.stringify(res.body)}`);
    }
  }
  const a = await sideOf(h.database.db, world.tenantA, world.users.adminA.id);
  const b = await sideOf(h.database.db, world.tenantB, world.users.adminB.id);
  return { a: a.ids, b: b.ids };
}

// Paced like a person would never be, so the public API's pacing does not make the fuzz wait.
const options = { plugins, setUp, publicPace: { perSecond: 1e6, burst: 1e6, maxWaiting: 1e6 } };

let current = await createWorldApp(options);
let fingerprint = await writeProbe(current.h);
/** The database as the last answer left it. */
let last = await fingerprint();
/** A request was answered and changed the world (signed a persona out, removed a member): restore it before the next. */
let dirty = false;
afterAll(() => current.h.close());

/** The world as it was built (on PGlite, a restore of its dump): each route starts from it, whatever came before. */
async function restore() {
  await current.h.close();
  current = await createWorldApp(options);
  fingerprint = await writeProbe(current.h);
  last = await fingerprint();
  dirty = false;
}

const doc = (await current.h.call('GET', '/api/v1/openapi.json')).body as {
  paths: Record<string, Record<string, OperationDoc>>;
  components: { schemas: Record<string, JsonSchema> };
};
interface OperationDoc {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}
const ops = await operations(current.h);

const { world, prepared } = current;
const byName: Record<string, string[]> = {
  tenant: [world.tenantA.slug, world.tenantB.slug],
  organisation: [world.organisation.id],
  organisationId: [world.organisation.id],
};
for (const ids of [prepared.a, prepared.b])
  for (const [name, id] of Object.entries(ids)) (byName[name] ??= []).push(id);
const uuids = Object.values(byName)
  .flat()
  .filter((id) => /^[0-9a-f-]{36}$/.test(id));
const wellFormed: Source = { components: doc.components.schemas, byName, uuids, hostile: false };
const hostile: Source = { ...wellFormed, hostile: true };

interface FuzzRequest {
  url: string;
  body: RawBody | { bytes: Uint8Array; type: string } | null;
}

/** Files begin with their format's signature, or not. */
const MAGIC = [
  [],
  [0xff, 0xd8, 0xff, 0xe0],
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0x25, 0x50, 0x44, 0x46],
];

/** Two requests in three are well-formed (they reach the handlers); the third carries junk anywhere. */
const requestOf = (op: Operation): fc.Arbitrary<FuzzRequest> =>
  fc.oneof({ arbitrary: requestFrom(op, wellFormed), weight: 2 }, { arbitrary: requestFrom(op, hostile), weight: 1 });

function requestFrom(op: Operation, source: Source): fc.Arbitrary<FuzzRequest> {
  const spec = doc.paths[op.path]![op.method.toLowerCase()]!;
  const parameters = spec.parameters ?? [];
  const schemaOf = (name: string, place: string) => parameters.find((p) => p.name === name && p.in === place)?.schema;
  const path = fc.record(
    Object.fromEntries(op.pathParams.map((name) => [name, addressValue(schemaOf(name, 'path'), source, name)])),
  );
  const declared = op.queryParams.map((name) =>
    fc.option(addressValue(schemaOf(name, 'query'), source, name)).map((v) => (v === null ? null : `${name}=${v}`)),
  );
  const extra = source.hostile
    ? fc.option(fc.tuple(addressValue(undefined, source, ''), addressValue(undefined, source, '')))
    : fc.constant(null);
  const query = fc.tuple(fc.tuple(...declared), extra).map(([pairs, more]) => {
    const all = [...pairs.filter((p) => p !== null), ...(more ? [`${more[0]}=${more[1]}`] : [])];
    return all.length ? `?${all.join('&')}` : '';
  });
  const content = spec.requestBody?.content ?? {};
  const files = Object.keys(content).filter((type) => type !== 'application/json');
  const file = files.length
    ? fc
        .tuple(fc.constantFrom(...files), fc.constantFrom(...MAGIC), fc.uint8Array({ maxLength: 2048 }))
        .map(([type, magic, rest]) => ({ type, bytes: new Uint8Array([...magic, ...rest]) }))
    : null;
  const body: fc.Arbitrary<FuzzRequest['body']> = !spec.requestBody
    ? fc.constant(null)
    : file
      ? source.hostile
        ? fc.oneof(file, bodyOf(undefined, source))
        : file
      : bodyOf(content['application/json']?.schema, source);
  return fc.record({ path, query, body }).map(({ path: values, query: search, body: sent }) => ({
    url: op.path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!) + search,
    body: sent,
  }));
}

async function send(op: Operation, persona: Persona, request: FuzzRequest) {
  const { h, world: w } = current;
  const token = w.tokens[persona];
  const { body } = request;
  if (body === null) return h.call(op.method, request.url, { token });
  if ('json' in body) return h.call(op.method, request.url, { token, json: body.json });
  const [bytes, type] =
    'text' in body ? [new TextEncoder().encode(body.text), 'application/json'] : [body.bytes, body.type];
  return h.call(op.method, request.url, { token, body: bytes, headers: { 'content-type': type } });
}

const shown = (request: FuzzRequest) =>
  JSON.stringify(request, (_, v: unknown) =>
    v instanceof Uint8Array
      ? `<${v.length} bytes>`
      : typeof v === 'string' && v.length > 300
        ? `${v.slice(0, 300)}…(${v.length})`
        : v,
  );

describe(`fuzz: every route as every persona (seed ${SEED})`, () => {
  it('walks the whole document', () => {
    expect(ops.length).toBeGreaterThan(150);
  });

  it('sees writes: inserts, the audit chain and updates that leave counts as they were', async () => {
    const { h, world: w } = current;
    const building = await h.call('POST', `/api/v1/t/${w.tenantA.slug}/registry/buildings`, {
      token: w.tokens.adminA,
      json: { name: '探针楼' },
    });
    expect(building.status).toBe(201);
    const afterInsert = await fingerprint();
    expect(changedTables(last, afterInsert)).toEqual(
      expect.arrayContaining(['public.buildings', 'public.audit_log', 'audit_chain_head']),
    );
    expect((await h.call('PUT', '/api/v1/me/locale', { token: w.tokens.adminA, json: { locale: 'en' } })).status).toBe(
      204,
    );
    expect(changedTables(afterInsert, await fingerprint())).toEqual(expect.arrayContaining(['public.users']));
    dirty = true;
  });

  ops.forEach((op, index) => {
    it(
      `${op.method} ${op.path}`,
      async () => {
        const failures: string[] = [];
        for (const [p, persona] of PERSONAS.entries()) {
          const property = fc.asyncProperty(requestOf(op), async (request) => {
            if (dirty) await restore();
            const before = last;
            const res = await send(op, persona, request);
            // Deliveries to plugins run after the answer: they finish before the database is read.
            await current.h.services.pluginRuntime.dispatcher.idle();
            last = await fingerprint();
            const where = `${op.method} ${op.path} as ${persona}: ${res.status} for ${shown(request)}`;
            if (res.status >= 500) throw new Error(`${where} → ${JSON.stringify(res.body)}`);
            if (res.status >= 400) {
              const wrote = changedTables(before, last);
              if (wrote.length) throw new Error(`${where} wrote to ${wrote.join(', ')}`);
            } else if (last !== before) dirty = true;
          });
          const run = await fc.check(property, {
            seed: (SEED + index * PERSONAS.length + p) | 0,
            numRuns: RUNS,
            endOnFailure: true,
          });
          if (run.failed)
            failures.push(
              `${run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance)} (seed ${run.seed})`,
            );
        }
        expect(failures).toEqual([]);
      },
      // A route whose calls succeed (signing out) restores the world after each: a fraction of a second apiece.
      RUNS * PERSONAS.length * 5_000,
    );
  });
});
