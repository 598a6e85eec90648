import { sql } from 'drizzle-orm';
import type { Database } from './client.ts';
import { APP_ROLE, ERASER_ROLE } from './schema/columns.ts';

/** A transaction of the app database; the only handle through which tenant rows are reachable. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];

interface Scope {
  tenantId?: string;
  userId?: string;
  userPhone?: string;
  supervisingRegionId?: string;
  organisationId?: string;
  /** The region a transaction acts for (region routes): its branch is computed here, from the tree. */
  regionId?: string;
}

/**
 * The one place that sets the per-transaction settings read by the RLS policies (docs/architecture.md §3).
 * All settings are written in one round trip and are local to the transaction (set_config(..., true)),
 * so they cannot leak to the next user of a pooled connection. Their values are inlined as literals (ids and numbers
 * of fixed formats, escaped all the same), which lets the statement travel with the transaction's BEGIN
 * (drivers/fused-begin.ts); so do the entries below. The role switch makes the transaction
 * subject to RLS even if the connection itself were opened with more privilege.
 */
function inScope<T>(db: Database, scope: Scope, readOnly: boolean, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(
    async (tx) => {
      const region = scope.supervisingRegionId ?? null;
      const acting = scope.regionId ?? null;
      await tx.execute(
        sql`select
        set_config('role', ${APP_ROLE}, true),
        set_config('app.tenant_id', ${scope.tenantId ?? ''}, true),
        set_config('app.user_id', ${scope.userId ?? ''}, true),
        set_config('app.user_phone', ${scope.userPhone ?? ''}, true),
        set_config('app.organisation_id', ${scope.organisationId ?? ''}, true),
        set_config('app.region_id', ${acting ?? ''}, true),
        set_config('app.region_branch', ${
          acting === null
            ? sql`''`
            : sql`coalesce((with recursive branch(id) as (
                  select id from regions where id = ${acting}::uuid
                  union all
                  select r.id from regions r join branch b on r.parent_id = b.id
                ) select array_agg(id)::text from branch), '{}')`
        }, true),
        set_config('app.supervised_tenants', ${
          region === null
            ? sql`''`
            : sql`coalesce((select array_agg(id)::text from tenants
                where ${region}::uuid in (community_id, street_id, district_id)), '{}')`
        }, true)`.inlineParams(),
      );
      return fn(tx);
    },
    readOnly ? { accessMode: 'read only' } : undefined,
  );
}

/** Reads and writes one neighbourhood's rows. The only way to write tenant-owned tables. */
export function withTenant<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { tenantId }, false, fn);
}

/**
 * One neighbourhood's rows, READ ONLY: for a supervisor of that neighbourhood, after the core has checked the
 * region (Supervision.supervisedTenant). Writes fail in the database, whatever the code inside tries.
 */
export function withTenantReadOnly<T>(db: Database, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { tenantId }, true, fn);
}

export interface Membership {
  id: string;
  roles: string[];
}

/**
 * withTenant for a person: the same transaction, entered by app_enter_tenant() (migration 0003), which sets the
 * tenant and reads the person's membership in one round trip. `member` is undefined for non-members.
 */
export function withTenantAs<T>(
  db: Database,
  tenantId: string,
  userId: string,
  fn: (tx: Tx, member: Membership | undefined) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ member_id: string; roles: string[] }>(
      sql`select member_id, roles from app_enter_tenant(${tenantId}, ${userId})`.inlineParams(),
    );
    const row = rows[0];
    return fn(tx, row ? { id: row.member_id, roles: row.roles } : undefined);
  });
}

/** A session as app_enter_session() found it, with its person and their membership in the neighbourhood entered. */
export interface SessionEntry {
  secretHash: Uint8Array;
  lastVerifiedAt: Date;
  user: { id: string; phone: string; displayName: string; locale: 'zh-CN' | 'en'; isPlatformOperator: boolean };
  membership: Membership | undefined;
}

/**
 * withTenantAs for a request that carries a session not yet checked: app_enter_session() (migration 0046) enters the
 * neighbourhood and reads the session, its person and their membership in the same round trip. `found` is undefined for
 * an unknown session; whether a found one holds (its secret, its age) is for the caller to decide — until it has, the
 * transaction is the public's (no person in its settings).
 */
export function withTenantBySession<T>(
  db: Database,
  tenantId: string,
  sessionId: string,
  fn: (tx: Tx, found: SessionEntry | undefined) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      secret_hash: Uint8Array;
      last_verified_at: string | Date;
      user_id: string;
      phone: string;
      display_name: string;
      locale: 'zh-CN' | 'en';
      is_platform_operator: boolean;
      member_id: string | null;
      roles: string[] | null;
    }>(sql`select * from app_enter_session(${tenantId}, ${sessionId})`.inlineParams());
    const row = rows[0];
    return fn(
      tx,
      row && {
        secretHash: new Uint8Array(row.secret_hash),
        lastVerifiedAt: new Date(row.last_verified_at),
        user: {
          id: row.user_id,
          phone: row.phone,
          displayName: row.display_name,
          locale: row.locale,
          isPlatformOperator: row.is_platform_operator,
        },
        membership: row.member_id ? { id: row.member_id, roles: row.roles ?? [] } : undefined,
      },
    );
  });
}

/**
 * Read-only view of every neighbourhood under a 街道 or 社区 (or 区). The set of neighbourhoods is computed by
 * the database from the region, never passed in; the transaction is READ ONLY, so supervisors cannot write.
 */
export function withSupervision<T>(db: Database, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { supervisingRegionId: regionId }, true, fn);
}

/**
 * Acting for an organisation (a vendor serving many neighbourhoods), after the core has checked that the person is
 * on its staff: no neighbourhood is entered; plugin rows shared between an organisation and neighbourhoods are
 * reached through their `organisation_id = app_organisation()` policies, and core code may see where plugins are
 * enabled (migration 0014) — nothing else of any neighbourhood.
 */
export function withOrganisation<T>(db: Database, organisationId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { organisationId }, false, fn);
}

/**
 * Acting for a region (a 街道, 社区 or 区), after the core has checked that the person is on its staff or above it: no
 * neighbourhood is entered. Plugin rows that belong to regions are reached through `app_region()` (the region itself)
 * and `app_region_branch()` (it and every region below it), neighbourhood rows below it through
 * `app_supervised_tenants()`, as their own policies say (migration 0036). Not read-only: region rows are written here.
 */
export function withRegion<T>(db: Database, regionId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { regionId, supervisingRegionId: regionId }, false, fn);
}

/** A person's own rows across neighbourhoods: their memberships and the invitations sent to their number. */
export function withUser<T>(db: Database, user: { id: string; phone: string }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return inScope(db, { userId: user.id, userPhone: user.phone }, true, fn);
}

/**
 * A person acting as themselves on rows that belong to no neighbourhood (yet): applying to open one, reviewing and
 * deciding applications, recording a read of someone's number, erasing their own account. The policies decide from
 * the person what they reach (e.g. the applications of their branch, migration 0017). `tenantId` also enters a
 * neighbourhood in the same transaction: the one an approval opens, written together with the decision.
 */
export function withPerson<T>(
  db: Database,
  person: { userId: string; tenantId?: string },
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return inScope(db, { userId: person.userId, ...(person.tenantId ? { tenantId: person.tenantId } : {}) }, false, fn);
}

/**
 * Runs `fn` as the eraser role (migration 0017), inside a transaction already scoped by one of the helpers above, then
 * returns to the app role: for the few rewrites erasure makes that the app role may not (the audit trail's names, an
 * applicant's number). If `fn` throws, the caller's transaction rolls back, which restores the role with it.
 */
export async function asEraser<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('role', ${ERASER_ROLE}, true)`);
  const result = await fn();
  await tx.execute(sql`select set_config('role', ${APP_ROLE}, true)`);
  return result;
}

/**
 * Which neighbourhoods have plugin events waiting (not yet fanned out, or deliveries due by `now`): the dispatcher's
 * sweep, run as a role that sees only those rows' tenant ids (migration 0013), so it visits only neighbourhoods with
 * work instead of opening a transaction in every one.
 */
export function tenantsWithPendingEvents(db: Database, now: Date): Promise<string[]> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('role', 'city_dispatcher', true)`);
      const { rows } = await tx.execute<{ tenant_id: string }>(sql`
        select tenant_id from plugin_events where dispatched_at is null
        union
        select tenant_id from plugin_deliveries where status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz`);
      return rows.map((r) => r.tenant_id);
    },
    { accessMode: 'read only' },
  );
}

/**
 * Which neighbourhoods have notifications to expand (due by `now`) or to deliver (due by `now`): the notifier's
 * sweep, as the same narrow role (migration 0021).
 */
export function tenantsWithPendingNotifications(db: Database, now: Date): Promise<string[]> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('role', 'city_dispatcher', true)`);
      const at = now.toISOString();
      const { rows } = await tx.execute<{ tenant_id: string }>(sql`
        select tenant_id from notification_causes
          where status <> 'done' and (not_before is null or not_before <= ${at}::timestamptz)
        union
        select tenant_id from notification_deliveries
          where status in ('pending', 'digest') and next_attempt_at <= ${at}::timestamptz`);
      return rows.map((r) => r.tenant_id);
    },
    { accessMode: 'read only' },
  );
}

/** Which neighbourhoods have 码上提 reports whose clock runs (assigned, or answered and not yet rated): its sweep. */
export function tenantsWithRunningFeedback(db: Database): Promise<string[]> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('role', 'city_dispatcher', true)`);
      const { rows } = await tx.execute<{ tenant_id: string }>(sql`
        select distinct tenant_id from feedback_reports where status in ('assigned', 'answered')`);
      return rows.map((r) => r.tenant_id);
    },
    { accessMode: 'read only' },
  );
}

/** Failed deliveries of one neighbourhood and channel since a moment: how many, the latest error and when. */
export interface DeliveryFailures {
  tenantId: string;
  channel: 'sms' | 'wechat';
  failed: number;
  lastAt: Date;
  lastError: string | null;
}

/**
 * Failed deliveries across neighbourhoods since `since`, for platform operators: read as the dispatcher's role, which
 * sees a failed delivery's neighbourhood, channel, error and time but not its person or text (migration 0023).
 */
export function failedDeliveriesSince(db: Database, since: Date): Promise<DeliveryFailures[]> {
  return db.transaction(
    async (tx) => {
      await tx.execute(sql`select set_config('role', 'city_dispatcher', true)`);
      const { rows } = await tx.execute<{
        tenant_id: string;
        channel: 'sms' | 'wechat';
        failed: number;
        last_at: string | Date;
        last_error: string | null;
      }>(sql`
        select tenant_id, channel, count(*)::int as failed, max(created_at) as last_at,
               (array_agg(last_error order by created_at desc))[1] as last_error
          from notification_deliveries
          where status = 'failed' and created_at >= ${since.toISOString()}::timestamptz
          group by tenant_id, channel
          order by failed desc, last_at desc`);
      return rows.map((r) => ({
        tenantId: r.tenant_id,
        channel: r.channel,
        failed: Number(r.failed),
        lastAt: new Date(r.last_at),
        lastError: r.last_error,
      }));
    },
    { accessMode: 'read only' },
  );
}
