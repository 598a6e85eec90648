import autocannon from 'autocannon';
import { createDatabase } from '@city/db/connect';
import { databaseConfigFromEnv, schema, withOrganisation, withTenant, type DatabaseHandle, type Tx } from '@city/db';
import {
  randomUscc,
  createTestApp,
  type TestApp,
  addResidents,
  inChunks,
  signIn,
  buildWorld,
  type World,
} from '@city/testing';
import { newId, pluginRole } from '@city/plugin-sdk/schema';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { asPlugin } from '../../apps/api/src/plugin-runtime/context.ts';
import { plugins } from '../../apps/api/src/plugins.ts';
import { CATEGORIES, CATEGORY_IDS } from '../../plugins/services/src/categories.ts';
import { servicesManifest } from '../../plugins/services/src/manifest.ts';
import { admissions, listings, offerings, orders, reviews, slots, vendors } from '../../plugins/services/src/schema.ts';
import { HOLDS_SEAT } from '../../plugins/services/src/order-states.ts';
import {
  expectStatus,
  HOUR,
  installServices,
  openVendor,
  orderBody,
  paths,
  verifyHomes,
  type ServicesWorld,
} from '../../plugins/services/src/server/testing.ts';
import {
  API_SERVER,
  benchTargets,
  CONNECTIONS,
  DURATION,
  inFlight,
  insertRate,
  measure,
  perSecond,
  printTable,
  quantile,
  startServer,
  type BenchTarget,
  type Measurement,
} from './harness.ts';

/** The catalogue: vendors admitted to the measured neighbourhood, offerings each (listed there), slots to come each. */
const VENDORS = Number(process.env.BENCH_SERVICES_VENDORS ?? 20);
const OFFERINGS = Number(process.env.BENCH_SERVICES_OFFERINGS ?? 10);
const SLOTS_PER_OFFERING = 3;
/** Completed, reviewed orders per vendor in each neighbourhood it serves. */
const REVIEWS = 8;
/** The order rush: slots of CAPACITY seats, ATTEMPTS orders by RESIDENTS verified residents. */
const SLOTS = Number(process.env.BENCH_SERVICES_SLOTS ?? 200);
const CAPACITY = Number(process.env.BENCH_SERVICES_CAPACITY ?? 5);
const ATTEMPTS = Number(process.env.BENCH_SERVICES_ATTEMPTS ?? 2_000);
const RESIDENTS = Number(process.env.BENCH_SERVICES_RESIDENTS ?? 1_000);
/** Inserts before the baseline is timed (the pool's connections opened, the plan cached). */
const WARM_UP_INSERTS = 2_000;
/** Requests timed one at a time before each load test of the list. */
const ALONE = 5;
const DAY = 24 * HOUR;

const asServices = <T>(tx: Tx, fn: () => Promise<T>) => asPlugin(tx, pluginRole(servicesManifest.id), fn);
const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

interface Neighbourhood {
  id: string;
  name: string;
}

/**
 * A catalogue as some months of use leave it, written straight into the database as the plugin's role under its
 * policies (as tests/fixtures/services.ts does): VENDORS vendors admitted to A — half of them also to B — and as
 * many again admitted to B only. Each lists OFFERINGS offerings wherever it is admitted, with SLOTS_PER_OFFERING
 * slots to come, and has REVIEWS completed, reviewed orders in each neighbourhood (on a slot of last week's). So A's
 * residents see VENDORS × OFFERINGS offerings, and row-level security has as many of B's to filter out.
 */
async function seedCatalogue(h: TestApp, world: World) {
  const db = h.services.db;
  const now = h.clock.now();
  const a: Neighbourhood = world.tenantA;
  const b: Neighbourhood = world.tenantB;
  const serves = (v: number) => (v < VENDORS / 2 ? [a, b] : v < VENDORS ? [a] : [b]);
  const organisations = await db
    .insert(schema.organisations)
    .values(
      Array.from({ length: 2 * VENDORS }, (_, v) => ({
        name: `${CATEGORIES[CATEGORY_IDS[v % CATEGORY_IDS.length]!]['zh-CN']}服务社${v + 1}`,
        uscc: randomUscc(),
        contactName: `店主${v + 1}`,
        contactPhone: '13800000000',
        createdBy: world.users.vendorOwner.id,
      })),
    )
    .returning({ id: schema.organisations.id, name: schema.organisations.name });

  // The organisations' own rows: profile, applications (pending until a neighbourhood decides), offerings, slots.
  const catalogue = [];
  for (const [v, organisation] of organisations.entries()) {
    const organisationId = organisation.id;
    const rows = await withOrganisation(db, organisationId, (tx) =>
      asServices(tx, async () => {
        const category = CATEGORY_IDS[v % CATEGORY_IDS.length]!;
        await tx.insert(vendors).values({
          organisationId,
          name: organisation.name,
          intro: '持证上岗，十年经验',
          phone: '13800000000',
          categories: [category, 'other'],
          createdAt: now,
          updatedAt: now,
        });
        for (const tenant of serves(v)) {
          await tx.insert(admissions).values({
            tenantId: tenant.id,
            organisationId,
            tenantName: tenant.name,
            status: 'pending',
            note: '',
            appliedAt: now,
            appliedByName: '店主',
            updatedAt: now,
          });
        }
        const offered = await tx
          .insert(offerings)
          .values(
            Array.from({ length: OFFERINGS }, (_, o) => ({
              organisationId,
              title: `${CATEGORIES[o % 3 ? category : 'other']['zh-CN']}·${['基础', '标准', '深度', '加急', '包月'][o % 5]}套餐${o + 1}`,
              description: '上门服务，自带工具，完成后线下付款；服务时长约两小时，超时按小时计费。',
              category: o % 3 ? category : 'other',
              priceFen: 3_000 + 1_000 * o,
              priceUnit: o % 2 ? ('hour' as const) : ('visit' as const),
              status: 'active' as const,
              createdAt: now,
              updatedAt: now,
            })),
          )
          .returning({
            id: offerings.id,
            title: offerings.title,
            priceFen: offerings.priceFen,
            priceUnit: offerings.priceUnit,
          });
        await tx.insert(slots).values(
          offered.flatMap((offering, o) =>
            Array.from({ length: SLOTS_PER_OFFERING }, (_, k) => {
              const startsAt = new Date(now.getTime() + (1 + k) * DAY + ((o + v) % 10) * HOUR);
              return {
                organisationId,
                offeringId: offering.id,
                startsAt,
                endsAt: new Date(startsAt.getTime() + 2 * HOUR),
                capacity: 4,
                booked: 0,
                createdAt: now,
              };
            }),
          ),
        );
        // Last week's slot, whose seats the completed orders below hold.
        const startsAt = new Date(now.getTime() - 7 * DAY);
        const held = REVIEWS * serves(v).length;
        const [past] = await tx
          .insert(slots)
          .values({
            organisationId,
            offeringId: offered[0]!.id,
            startsAt,
            endsAt: new Date(startsAt.getTime() + 2 * HOUR),
            capacity: held,
            booked: held,
            createdAt: startsAt,
          })
          .returning();
        return { offered, past: past! };
      }),
    );
    catalogue.push({ v, organisation, ...rows });
  }

  // Each neighbourhood's rows: the admissions decided, the listings, the completed orders and their reviews.
  for (const tenant of [a, b]) {
    const here = catalogue.filter((c) => serves(c.v).includes(tenant));
    await withTenant(db, tenant.id, (tx) =>
      asServices(tx, async () => {
        await tx
          .update(admissions)
          .set({ status: 'admitted', decidedAt: now, decidedByName: '管理员', updatedAt: now })
          .where(
            and(
              eq(admissions.tenantId, tenant.id),
              inArray(
                admissions.organisationId,
                here.map((c) => c.organisation.id),
              ),
            ),
          );
        await inChunks(
          here.flatMap((c) =>
            c.offered.map((o) => ({
              tenantId: tenant.id,
              organisationId: c.organisation.id,
              offeringId: o.id,
              listedAt: now,
            })),
          ),
          (chunk) => tx.insert(listings).values(chunk),
        );
        const done = here.flatMap((c) =>
          Array.from({ length: REVIEWS }, (_, r) => {
            const offering = c.offered[0]!;
            return {
              id: newId(),
              tenantId: tenant.id,
              organisationId: c.organisation.id,
              offeringId: offering.id,
              slotId: c.past.id,
              residentId: newId(),
              residentName: `住户${r + 1}`,
              unitId: newId(),
              address: `${1 + (r % 5)}栋 ${1001 + r}`,
              contactPhone: '13900000000',
              notes: '',
              offeringTitle: offering.title,
              vendorName: c.organisation.name,
              tenantName: tenant.name,
              priceFen: offering.priceFen,
              priceUnit: offering.priceUnit,
              quantity: 1,
              amountFen: offering.priceFen,
              slotStartsAt: c.past.startsAt,
              slotEndsAt: c.past.endsAt,
              status: 'completed' as const,
              paymentProvider: 'offline_on_completion',
              paymentStatus: 'paid' as const,
              idempotencyKey: newId(),
              requestHash: '00',
              placedAt: c.past.createdAt,
              updatedAt: c.past.endsAt,
            };
          }),
        );
        await inChunks(done, (chunk) => tx.insert(orders).values(chunk));
        await inChunks(
          done.map((o, r) => ({
            orderId: o.id,
            tenantId: tenant.id,
            organisationId: o.organisationId,
            residentName: o.residentName,
            rating: 3 + (r % 3),
            comment: r % 2 ? '准时到达，做得很仔细' : '',
            createdAt: o.updatedAt,
          })),
          (chunk) => tx.insert(reviews).values(chunk),
        );
      }),
    );
  }
  const listed = catalogue.filter((c) => serves(c.v).includes(a)).length * OFFERINGS;
  return `${VENDORS} vendors × ${OFFERINGS} offerings listed in A (${listed}), as many of B's only, ${SLOTS_PER_OFFERING} slots each, ${REVIEWS} reviews per vendor and neighbourhood`;
}

/**
 * The API server (tests/bench/servers/api.server.ts, demo data) over a database that also holds a world with the
 * local-services catalogue. The server's first start migrates (PGlite) and seeds the demo; the bench's rows are
 * written while it is stopped, since an embedded PGlite belongs to one process; then it starts again and serves them.
 * Postgres gets statistics as autovacuum would leave them; PGlite runs no autovacuum, so its planner goes without,
 * as in an embedded deployment.
 */
async function seededServer(target: BenchTarget) {
  await (await startServer(API_SERVER, target.env)).stop();
  const started = performance.now();
  const h = await createTestApp({ plugins, database: await createDatabase(databaseConfigFromEnv(target.env)) });
  let seeded;
  try {
    const world = await buildWorld(h);
    await installServices(h, world);
    const catalogue = await seedCatalogue(h, world);
    // residentA is verified for a home in A, as the measured resident.
    await verifyHomes(h, world.tenantA.id, [world.users.residentA.id]);
    seeded = { world, catalogue, seconds: (performance.now() - started) / 1000 };
  } finally {
    await h.close();
  }
  if (target.env.DATABASE_URL) await analyze(target.env.DATABASE_URL);
  return { server: await startServer(API_SERVER, target.env), ...seeded };
}

/** Statistics as autovacuum would leave them after the seeding (Postgres; the owner's connection). */
async function analyze(url: string) {
  const owner = await createDatabase({ url, driver: 'pg', asOwner: true, poolSize: 1 });
  try {
    await owner.db.execute(sql`analyze`);
  } finally {
    await owner.close();
  }
}

/**
 * A verified resident opening the local-services page: the first page of the catalogue (offerings listed here by
 * vendors admitted here, each with its next free slot and its vendor's rating here). Same run, same server, same
 * resident: the cheapest tenant read (one query in a tenant transaction, no session) as the baseline, and the
 * plugin's own cheapest route for the resident (their orders, none: session, membership, install, plugin role, one
 * indexed read) to show what the catalogue's queries add.
 */
async function offeringsList(
  server: Awaited<ReturnType<typeof startServer>>,
  world: World,
  label: string,
  catalogue: string,
) {
  const auth = { authorization: `Bearer ${world.tokens.residentA}` };
  const base = `${server.url}${paths(world).a}`;
  const page = (await (await fetch(`${base}/offerings`, { headers: auth })).json()) as {
    items: { rating: { count: number }; nextSlotAt: string | null }[];
    nextCursor: string | null;
  };
  if (page.items.length !== 20 || !page.nextCursor || page.items.some((i) => !i.rating.count || !i.nextSlotAt)) {
    throw new Error(
      `the offerings list is not a full page of rated offerings with free slots: ${JSON.stringify(page).slice(0, 300)}`,
    );
  }
  const routes = [
    ['baseline: GET /bench/tenant-query (1 read, no session)', `${server.url}/bench/tenant-query`, {}],
    ['GET /t/:tenant/p/services/orders (resident, none)', `${base}/orders`, auth],
    ['GET /t/:tenant/p/services/offerings (resident, page of 20)', `${base}/offerings`, auth],
  ] as const;
  // Each alone first, on the idle server: what one request costs, however the server queues them under load.
  const single: number[] = [];
  for (const [, url, headers] of routes) single.push(await alone(url, headers));
  const measured = [];
  for (const [name, url, headers] of routes) measured.push(await measure(name, url, headers));
  const [t, m, l] = measured as [Measurement, Measurement, Measurement];
  printTable(`local services: offerings list — ${label}\n${catalogue}`, measured, t);
  console.log(
    `${label}: offerings/tenant read = ${pct(l.requestsPerSecond, t.requestsPerSecond)}, offerings/my orders = ${pct(l.requestsPerSecond, m.requestsPerSecond)}; ` +
      `offerings p50 ${l.p50} ms, p99 ${l.p99} ms (autocannon gives p97.5 and p99, not p95); ` +
      `one request alone (median of ${ALONE}): tenant read ${single[0]!.toFixed(1)} ms, my orders ${single[1]!.toFixed(1)} ms, offerings ${single[2]!.toFixed(1)} ms` +
      (l.requestsPerSecond
        ? ''
        : ` — no offerings request completed within the ${DURATION} s window: served one at a time, the ${CONNECTIONS} left in flight by the warm-up alone take ~${((CONNECTIONS * single[2]!) / 1000).toFixed(0)} s`),
  );
}

/** Median latency (ms) of ALONE requests sent one after another. */
async function alone(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let i = 0; i < ALONE; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return quantile(
    times.sort((a, b) => a - b),
    0.5,
  );
}

type Outcome = 'placed' | 'refused' | 'other';
const outcomeOf = (status: number, code: unknown): Outcome =>
  status === 201 ? 'placed' : status === 409 && code === 'services.slot_full' ? 'refused' : 'other';

/** What the slots hold after a rush: seats booked against the live orders in them, slot by slot. */
async function seatCheck(owner: DatabaseHandle, slotIds: readonly string[]) {
  const { rows } = await owner.db.execute<{ slots: number; oversold: number; booked: number; live: number }>(sql`
    select count(*)::int as slots,
           count(*) filter (where s.booked > s.capacity or s.booked <> coalesce(o.seats, 0))::int as oversold,
           coalesce(sum(s.booked), 0)::int as booked, coalesce(sum(o.orders), 0)::int as live
    from services_slots s
    left join (select slot_id, sum(quantity)::int as seats, count(*)::int as orders from services_orders
               where status in ${[...HOLDS_SEAT]} group by slot_id) o on o.slot_id = s.id
    where s.id in ${slotIds}`);
  return rows[0]!;
}

/** SLOTS slots of CAPACITY seats for an offering, added by the vendor through the app. */
async function addSlots(h: TestApp, world: World, offeringId: string, firstDay: number) {
  const ids: string[] = new Array(SLOTS);
  const now = h.clock.now().getTime();
  await inFlight(SLOTS, async (i) => {
    const startsAt = new Date(now + firstDay * DAY + i * HOUR);
    const json = {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      capacity: CAPACITY,
    };
    ids[i] = expectStatus(
      'slot',
      await h.call('POST', `${paths(world).vendor}/offerings/${offeringId}/slots`, {
        token: world.tokens.vendorOwner,
        json,
      }),
      201,
    ).body.id;
  });
  return ids;
}

/**
 * The order rush on Postgres (row locks under real concurrency are the point): ATTEMPTS orders by RESIDENTS verified
 * residents, CONNECTIONS in flight, over SLOTS slots of CAPACITY seats. Attempt i goes to slot ⌊i × SLOTS / ATTEMPTS⌋,
 * so the attempts on one slot arrive together and race for its seats. Once through the app in this process (h.call:
 * every middleware, no sockets) and once over HTTP against the server, each on slots of its own; then the slots are
 * read back from the database. Baseline: plain single-row inserts at the same concurrency, same run.
 */
async function orderRush(target: BenchTarget, server: Awaited<ReturnType<typeof startServer>>) {
  const url = target.env.DATABASE_URL!;
  const owner = await createDatabase({ url, driver: 'pg', asOwner: true, poolSize: 1 });
  const h = await createTestApp({ plugins, database: await createDatabase({ url, driver: 'pg' }) });
  try {
    const started = performance.now();
    const world = await buildWorld(h);
    const first = await openVendor(h, world, CAPACITY);
    const { vendor, a } = paths(world);
    const second = expectStatus(
      'offering',
      await h.call('POST', `${vendor}/offerings`, {
        token: world.tokens.vendorOwner,
        json: {
          title: '空调清洗',
          description: '挂机/柜机，含消毒',
          category: 'repair',
          priceFen: 8000,
          priceUnit: 'item',
        },
      }),
      201,
    ).body.id as string;
    expectStatus(
      'listing',
      await h.call('PUT', `${vendor}/offerings/${second}/neighbourhoods`, {
        token: world.tokens.vendorOwner,
        json: { tenantIds: [world.tenantA.id] },
      }),
      200,
    );
    const people = await addResidents(
      h,
      world.tenantA.id,
      Array.from({ length: RESIDENTS }, (_, i) => `住户${i + 1}`),
    );
    const tokens = await signIn(h, people);
    const units = await verifyHomes(h, world.tenantA.id, people, '9栋');
    const runs = {
      app: { offeringId: first.offeringId, slotIds: await addSlots(h, world, first.offeringId, 2) },
      http: { offeringId: second, slotIds: await addSlots(h, world, second, 30) },
    };
    await owner.db.execute(sql`analyze`);
    const setupSeconds = (performance.now() - started) / 1000;

    const slotOf = (i: number) => Math.floor((i * SLOTS) / ATTEMPTS);
    const perSlot = new Array<number>(SLOTS).fill(0);
    for (let i = 0; i < ATTEMPTS; i++) perSlot[slotOf(i)]!++;
    const expected = perSlot.reduce((seats, n) => seats + Math.min(n, CAPACITY), 0);
    const body = (run: { offeringId: string; slotIds: string[] }, i: number) =>
      orderBody({
        offeringId: run.offeringId,
        slotId: run.slotIds[slotOf(i)]!,
        unitId: units[i % RESIDENTS]!,
      } satisfies ServicesWorld);

    // Through the app, in this process.
    const appOutcomes = { placed: 0, refused: 0, other: 0 };
    const appOthers: string[] = [];
    const inApp = await inFlight(ATTEMPTS, async (i) => {
      const r = await h.call('POST', `${a}/orders`, {
        token: tokens[i % RESIDENTS],
        json: body(runs.app, i),
        headers: { 'Idempotency-Key': `app-${i}` },
      });
      const outcome = outcomeOf(r.status, r.body?.code);
      appOutcomes[outcome]++;
      if (outcome === 'other' && appOthers.length < 5)
        appOthers.push(`${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
    });

    // Over HTTP against the server process.
    let next = 0;
    const httpOutcomes = { placed: 0, refused: 0, other: 0 };
    const httpOthers: string[] = [];
    const overHttp = await autocannon({
      url: `${server.url}${a}/orders`,
      connections: CONNECTIONS,
      amount: ATTEMPTS,
      timeout: 60,
      requests: [
        {
          method: 'POST',
          // Called once per request sent (autocannon sends exactly `amount`): the i-th attempt.
          setupRequest: (request) => {
            const i = next++;
            request.headers = {
              authorization: `Bearer ${tokens[i % RESIDENTS]}`,
              'content-type': 'application/json',
              'idempotency-key': `http-${i}`,
            };
            request.body = JSON.stringify(body(runs.http, i));
            return request;
          },
          onResponse: (status, text) => {
            let code: unknown;
            try {
              code = (JSON.parse(text) as { code?: unknown }).code;
            } catch {
              // not JSON: counted as other
            }
            const outcome = outcomeOf(status, code);
            httpOutcomes[outcome]++;
            if (outcome === 'other' && httpOthers.length < 5) httpOthers.push(`${status} ${text.slice(0, 200)}`);
          },
        },
      ],
    });
    const httpRate = perSecond(overHttp.requests.sent, overHttp.duration * 1000);

    // Baseline, same database and run: the scratch table is the owner's (the app role gets DML by default privileges).
    await owner.db.execute(
      sql`create table bench_insert_services (id uuid primary key, body jsonb not null, created_at timestamptz not null)`,
    );
    const insertBody = JSON.stringify(body(runs.app, 0));
    await insertRate(h.services.db, 'bench_insert_services', WARM_UP_INSERTS, insertBody);
    const inserts = await insertRate(h.services.db, 'bench_insert_services', Math.max(ATTEMPTS, 5_000), insertBody);

    const seats = { app: await seatCheck(owner, runs.app.slotIds), http: await seatCheck(owner, runs.http.slotIds) };
    const placedPerSecond = (placed: number, seconds: number) => Math.round(placed / seconds);
    console.log(
      `\nlocal services: order rush — ${target.label}: ${ATTEMPTS} attempts by ${RESIDENTS} verified residents, ${CONNECTIONS} in flight, ` +
        `${SLOTS} slots × ${CAPACITY} seats per run (${ATTEMPTS / SLOTS} attempts per slot, ${expected} seats) (set-up ${setupSeconds.toFixed(1)} s)`,
    );
    console.table([
      {
        case: 'POST …/orders through the app in-process (h.call)',
        'attempts/s': inApp.perSecond,
        'placed/s': placedPerSecond(appOutcomes.placed, inApp.seconds),
        seconds: inApp.seconds.toFixed(1),
        'p50 ms': inApp.p50.toFixed(1),
        'p99 ms': inApp.p99.toFixed(1),
        'vs baseline': pct(inApp.perSecond, inserts.perSecond),
      },
      {
        case: 'POST …/orders over HTTP (server process)',
        'attempts/s': httpRate,
        'placed/s': placedPerSecond(httpOutcomes.placed, overHttp.duration),
        seconds: overHttp.duration.toFixed(1),
        'p50 ms': overHttp.latency.p50,
        'p99 ms': overHttp.latency.p99,
        'vs baseline': pct(httpRate, inserts.perSecond),
      },
      {
        case: 'baseline: insert one row (logged table, app role, same pool size)',
        'attempts/s': inserts.perSecond,
        'placed/s': '',
        seconds: inserts.seconds.toFixed(1),
        'p50 ms': inserts.p50.toFixed(1),
        'p99 ms': inserts.p99.toFixed(1),
        'vs baseline': '100.0%',
      },
    ]);
    const checks = (where: string, outcomes: typeof appOutcomes, s: typeof seats.app, errors = 0) => [
      { check: `${where}: placed (201)`, value: outcomes.placed, ok: outcomes.placed === expected },
      {
        check: `${where}: refused (409 services.slot_full)`,
        value: outcomes.refused,
        ok: outcomes.refused === ATTEMPTS - expected,
      },
      { check: `${where}: other statuses / errors`, value: outcomes.other + errors, ok: outcomes.other + errors === 0 },
      {
        check: `${where}: oversold slots (booked > capacity or ≠ live orders' seats)`,
        value: s.oversold,
        ok: s.oversold === 0,
      },
      {
        check: `${where}: seats booked / live orders (database)`,
        value: `${s.booked} / ${s.live} in ${s.slots} slots`,
        ok: s.booked === expected && s.live === expected,
      },
    ];
    console.table([
      ...checks('in-process', appOutcomes, seats.app),
      ...checks('HTTP', httpOutcomes, seats.http, overHttp.errors + overHttp.timeouts),
    ]);
    const others = [...appOthers, ...httpOthers];
    if (others.length) console.log(`first other responses: ${others.join(' | ')}`);
  } finally {
    await h.close();
    await owner.close();
  }
}

/**
 * Local services (plugins/services): a resident's offerings list against the cheapest tenant read on every target,
 * then, on Postgres only, a rush of orders on slots of few seats. Sizes: BENCH_SERVICES_VENDORS, _OFFERINGS (the
 * catalogue), BENCH_SERVICES_SLOTS, _CAPACITY, _ATTEMPTS, _RESIDENTS (the rush).
 */
export async function run() {
  const targets = benchTargets();
  for (const target of targets) {
    const { server, world, catalogue, seconds } = await seededServer(target);
    try {
      await offeringsList(server, world, target.label, `${catalogue} (seeded in ${seconds.toFixed(1)} s)`);
      if (target.label.startsWith('Postgres')) await orderRush(target, server);
    } finally {
      await server.stop();
      target.cleanup?.();
    }
  }
  if (!targets.some((t) => t.label.startsWith('Postgres'))) {
    console.log(
      '\nservices order rush: SKIPPED — needs a reachable Postgres server (set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/test)',
    );
  }
}
