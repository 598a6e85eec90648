import { AppError, type Services } from '@city/core';
import { withTenant, withTenantAs, withTenantBySession, withTenantReadOnly, type Membership, type Tx } from '@city/db';
import type { Context } from 'hono';
import type { SessionCredential } from '@city/auth';
import { rollsBack } from '@city/plugin-sdk';
import type { Actor, AppEnv, TenantContext } from '../env.ts';
import { dispatchAfterCommit } from '../plugin-runtime/dispatch-after-commit.ts';
import { actorFrom, settleActor } from '../lib/session.ts';

/**
 * How a request enters a neighbourhood: as a person (member or not), as whoever its session not yet checked names
 * (that person if it holds, else the public; the actor is settled on the way in), as the public, or as a supervisor
 * above it.
 */
export type Entrance =
  | { as: 'person'; actor: Actor }
  | { as: 'session'; credential: SessionCredential }
  | { as: 'public' }
  | { as: 'supervisor'; actor: Actor };

export interface Entered {
  tx: Tx;
  tenant: TenantContext;
  /** The person's membership (entering as a person); undefined for non-members, the public and supervisors. */
  membership: Membership | undefined;
}

/** The active neighbourhood with this slug; 404 otherwise (a suspended or unknown one does not exist for callers). */
export async function activeTenant(services: Services, slug: string): Promise<TenantContext> {
  const tenant = await services.tenants.bySlug(slug);
  if (!tenant || tenant.status !== 'active') throw new AppError('not_found');
  return { id: tenant.id, slug: tenant.slug, name: tenant.name, address: tenant.address };
}

/**
 * The one way a request enters a neighbourhood (`:tenant`), for core routes and the plugin runtime alike: the active
 * neighbourhood (404 otherwise; a supervisor's only within their branch), one transaction scoped to it in which the
 * rest of the request runs — as a person, with their membership (and their session, not yet checked) read in the same
 * round trip; as the public; or
 * READ ONLY for a supervisor — so a thrown error rolls back everything the request wrote, and the events it wrote
 * are handed to the plugins once it has committed.
 */
export async function enterTenant<E extends AppEnv>(
  context: Context<E>,
  entrance: Entrance,
  inside: (entered: Entered) => Promise<void>,
) {
  // Plugin routes' env extends AppEnv; only AppEnv's variables are touched here.
  const c = context as unknown as Context<AppEnv>;
  const services = c.get('services');
  const slug = c.req.param('tenant') ?? '';
  const run = (tenant: TenantContext, membership?: Membership) => async (tx: Tx) => {
    c.set('tenant', tenant);
    c.set('tx', tx);
    await inside({ tx, tenant, membership });
    // Hono catches handler errors before they reach middleware; rethrow so the transaction rolls back.
    if (c.error && rollsBack(c.error)) throw c.error;
  };
  if (entrance.as === 'supervisor') {
    const found = await services.supervision.supervisedTenant(entrance.actor, slug);
    if (found.status !== 'active') throw new AppError('not_found');
    const tenant = { id: found.id, slug: found.slug, name: found.name, address: found.address };
    await withTenantReadOnly(services.db, tenant.id, run(tenant));
    return;
  }
  const tenant = await activeTenant(services, slug).catch(async (error: unknown) => {
    // Entering by a session is for routes only members reach: no one is told which neighbourhoods exist (401)
    // before their session is known to hold.
    if (entrance.as === 'session' && !(await settleActor(c))) throw new AppError('unauthenticated');
    throw error;
  });
  if (entrance.as === 'person') {
    await withTenantAs(services.db, tenant.id, entrance.actor.id, (tx, membership) => run(tenant, membership)(tx));
  } else if (entrance.as === 'session') {
    const { credential } = entrance;
    let upkeep: (() => Promise<void>) | undefined;
    try {
      await withTenantBySession(services.db, tenant.id, credential.id, async (tx, found) => {
        const verdict = services.sessions.settle(credential, found);
        upkeep = verdict.upkeep;
        const actor = actorFrom(c, verdict.session);
        await run(tenant, actor ? found?.membership : undefined)(tx);
      });
    } finally {
      // After the transaction: a read stays a transaction that wrote nothing, whose COMMIT is not waited for
      // (fused-begin.ts), and no request waits inside it for a second connection of the pool.
      await upkeep?.();
    }
  } else {
    await withTenant(services.db, tenant.id, run(tenant));
  }
  dispatchAfterCommit(c, services, tenant.id);
}

/**
 * What a public route shows of the route's neighbourhood (its 公示 board, its plugins' public pages): entered as the
 * public, so it reads only what a reader without roles may see.
 */
export function readPublicly<E extends AppEnv, T>(
  context: Context<E>,
  read: (tx: Tx, tenant: TenantContext) => Promise<T>,
): Promise<T> {
  return actPublicly(context, read);
}

/**
 * What someone without an account does in the route's neighbourhood (码上提 by a confirmed number, rating by a
 * tracking link): entered as the public, the service deciding what the caller may touch; its answer returned.
 */
export async function actPublicly<E extends AppEnv, T>(
  context: Context<E>,
  act: (tx: Tx, tenant: TenantContext) => Promise<T>,
): Promise<T> {
  let result: { value: T } | undefined;
  await enterTenant(context, { as: 'public' }, async ({ tx, tenant }) => {
    result = { value: await act(tx, tenant) };
  });
  return result!.value;
}
