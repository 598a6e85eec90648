import {
  DEFAULT_QUIET_HOURS,
  NOTIFICATION_RETENTION_DAYS,
  PLUGIN_NOTIFICATIONS_PER_PERSON_PER_DAY,
  type Locale,
  type NotificationChannel,
} from '@city/contracts';
import { SmsDeliveryError, type Clock, type SmsGate } from '@city/auth';
import { schema, tenantsWithPendingNotifications, withTenant, type Database, type Tx } from '@city/db';
import { anyOf } from '@city/db/arrays';
import { and, asc, eq, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { TenantRuns } from '../tenant-runs.ts';
import type { NotificationOutbox } from './outbox.ts';
import { deliverableAt, digestAt, type QuietHours } from './quiet-hours.ts';
import type { WechatSender } from './wechat.ts';

/** People given their items per transaction: a vote for 20,000 owners is ten short transactions, not one long one. */
const EXPAND_BATCH = 2_000;
const DELIVER_BATCH = 20;
const MAX_ATTEMPTS = 5;
/** A claimed delivery is tried again after this if its sender vanished mid-way (at least once, never lost). */
const LEASE_MS = 5 * 60_000;
const backoffMs = (attempts: number) => 60_000 * 5 ** (attempts - 1);
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

export interface NotifierDeps {
  db: Database;
  clock: Clock;
  sms: SmsGate;
  wechat: WechatSender;
  /** The WeChat template id for each kind; a kind without one is not sent to WeChat. */
  wechatTemplates: Record<string, string>;
  publicUrl: string;
  outbox: NotificationOutbox;
}

type Recipient = { userId: string };

/** See Notifier.narrowWith. */
export type Narrow = (
  tx: Tx,
  cause: { tenantId: string; source: string; kind: string; key: string },
  userIds: string[],
) => Promise<string[] | null>;

/**
 * Turns committed causes into inbox items and deliveries, and delivers them: after the request that wrote a cause
 * (afterCommit), and in the background for what is due later (quiet hours ending, retries, reminders). Each
 * neighbourhood is handled by one run at a time in this process; rows are claimed with SKIP LOCKED, so several
 * processes may share the work.
 */
export class Notifier {
  private readonly deps: NotifierDeps;
  private readonly pruned = new Map<string, number>();
  private readonly listeners = new Map<string, Set<() => void>>();
  private readonly runs: TenantRuns;
  private narrow: Narrow | undefined;

  constructor(deps: NotifierDeps) {
    this.deps = deps;
    this.runs = new TenantRuns(
      'notifications',
      (tenantId) => this.run(tenantId),
      () => tenantsWithPendingNotifications(deps.db, deps.clock.now()),
    );
  }

  /**
   * Lets the plugins say who of a batch still needs one of their notifications (the plugin runtime, which the core
   * does not know): answers the user ids to keep, or null when the plugin has no say on that kind.
   */
  narrowWith(narrow: Narrow) {
    this.narrow = narrow;
  }

  /** After a neighbourhood's transaction committed: expands and delivers at once if it wrote causes. */
  afterCommit(tenantId: string): Promise<void> | undefined {
    if (!this.deps.outbox.take(tenantId)) return undefined;
    return this.runs.runQuietly(tenantId);
  }

  /** After a request that entered no neighbourhood (a business's): every neighbourhood it wrote causes into. */
  afterCommitAnywhere(): Promise<void>[] {
    return this.deps.outbox.takeAll().map((tenantId) => this.runs.runQuietly(tenantId));
  }

  dispatch(tenantId: string): Promise<void> {
    return this.runs.run(tenantId);
  }

  sweep() {
    return this.runs.sweep();
  }

  start(intervalMs = 5_000) {
    this.runs.start(intervalMs);
  }

  stop() {
    this.runs.stop();
  }

  idle() {
    return this.runs.idle();
  }

  /** Calls `listener` whenever the person gets a new item in this process; returns the unsubscribe. */
  subscribe(userId: string, listener: () => void): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(userId);
    };
  }

  private async run(tenantId: string) {
    const { db } = this.deps;
    for (;;) {
      const step = await withTenant(db, tenantId, (tx) => this.expandOne(tx, tenantId));
      if (!step) break;
      this.announce(step.userIds);
    }
    for (;;) {
      const claimed = await withTenant(db, tenantId, (tx) => this.claimDue(tx));
      for (const delivery of claimed) await this.deliver(tenantId, delivery);
      if (claimed.length < DELIVER_BATCH) break;
    }
    await this.digests(tenantId);
    await this.pruneOccasionally(tenantId);
  }

  private announce(userIds: string[]) {
    for (const userId of userIds) for (const listener of this.listeners.get(userId) ?? []) listener();
  }

  /** One batch of one due cause: its next people get their items and deliveries. Null when nothing is due. */
  private async expandOne(tx: Tx, tenantId: string): Promise<{ userIds: string[] } | null> {
    const now = this.deps.clock.now();
    const c = schema.notificationCauses;
    const [cause] = await tx
      .select()
      .from(c)
      .where(and(sql`${c.status} <> 'done'`, sql`(${c.notBefore} is null or ${c.notBefore} <= ${now.toISOString()})`))
      .orderBy(asc(c.createdAt))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!cause) return null;
    const [settings] = await tx.select().from(schema.notificationSettings);
    if (!this.deps.outbox.kinds.isOn(cause.kind, settings?.kinds ?? {})) {
      await tx.update(c).set({ status: 'done', total: 0, finishedAt: now }).where(eq(c.id, cause.id));
      return { userIds: [] };
    }
    const audience = this.audienceSql(cause);
    const total =
      cause.total ?? (await tx.execute<{ n: number }>(sql`select count(*)::int as n from (${audience}) a`)).rows[0]!.n;
    const { rows: batch } = await tx.execute<Recipient>(sql`
      select user_id as "userId" from (${audience}) a
      where ${cause.cursor ? sql`user_id > ${cause.cursor}` : sql`true`}
      order by user_id limit ${EXPAND_BATCH}`);
    const capped = cause.source === 'core' ? batch : await this.underCap(tx, cause.source, batch, now);
    const recipients = await this.stillNeeded(tx, tenantId, cause, capped);
    // One statement over two arrays, however many people: a batch is two parameters, not eleven per person.
    const inserted = recipients.length
      ? (
          await tx.execute<{ id: string; userId: string }>(sql`
            insert into notifications (id, tenant_id, user_id, cause_id, source, kind, title, body, link, created_at)
            select i.id, ${tenantId}, i.user_id, ${cause.id}, ${cause.source}, ${cause.kind},
              ${JSON.stringify(cause.title)}::jsonb, ${JSON.stringify(cause.body)}::jsonb, ${cause.link},
              ${now.toISOString()}::timestamptz
            from unnest(${sql.param(recipients.map(() => uuidv7()))}::uuid[],
                        ${sql.param(recipients.map((r) => r.userId))}::uuid[]) as i(id, user_id)
            on conflict do nothing
            returning id, user_id as "userId"`)
        ).rows
      : [];
    await this.planDeliveries(tx, tenantId, cause.kind, cause.urgent, inserted, now);
    const done = batch.length < EXPAND_BATCH;
    await tx
      .update(c)
      .set({
        status: done ? 'done' : 'expanding',
        total,
        expanded: cause.expanded + inserted.length,
        cursor: batch.at(-1)?.userId ?? cause.cursor,
        finishedAt: done ? now : null,
      })
      .where(eq(c.id, cause.id));
    return { userIds: inserted.map((i) => i.userId) };
  }

  /**
   * The people a cause names, as SQL over this neighbourhood's rows (row-level security keeps it to them): members by
   * id or role, the verified owners, or a business's staff. A plugin's list of people is kept to the neighbourhood's
   * members; the core may name anyone it has a reason to (an invitation to a number that is not a member yet).
   */
  private audienceSql(cause: typeof schema.notificationCauses.$inferSelect) {
    const a = cause.audience;
    const live = (column: SQL) => sql`exists (select 1 from users u where u.id = ${column} and u.erased_at is null)`;
    if ('users' in a) {
      const ids = sql`select distinct unnest(${sql.param(a.users)}::uuid[]) as user_id`;
      return cause.source === 'core'
        ? sql`select i.user_id from (${ids}) i where ${live(sql`i.user_id`)}`
        : sql`select i.user_id from (${ids}) i join members m on m.user_id = i.user_id where ${live(sql`i.user_id`)}`;
    }
    if ('roles' in a)
      return sql`select m.user_id from members m where m.roles && ${sql.param(a.roles)}::text[] and ${live(sql`m.user_id`)}`;
    if ('owners' in a) {
      const inBuildings = a.buildings?.length
        ? sql`and exists (select 1 from units un where un.id = v.unit_id
            and un.building_id = any(${sql.param(a.buildings)}::uuid[]))`
        : sql``;
      return sql`select distinct v.user_id from verifications v join members m on m.user_id = v.user_id
        where v.status = 'verified' and v.relation = 'owner' ${inBuildings} and ${live(sql`v.user_id`)}`;
    }
    return sql`select s.user_id from organisation_members s
      where s.organisation_id = ${a.organisation} and ${live(sql`s.user_id`)}`;
  }

  /** A plugin's say, for its causes, on who still needs the notification now (see `narrowWith`). */
  private async stillNeeded(
    tx: Tx,
    tenantId: string,
    cause: typeof schema.notificationCauses.$inferSelect,
    batch: Recipient[],
  ): Promise<Recipient[]> {
    if (!this.narrow || cause.source === 'core' || !batch.length) return batch;
    const key = cause.key.slice(cause.source.length + 1);
    const userIds = batch.map((r) => r.userId);
    const kept = await this.narrow(tx, { tenantId, source: cause.source, kind: cause.kind, key }, userIds);
    if (kept === null) return batch;
    const keep = new Set(kept);
    return batch.filter((r) => keep.has(r.userId));
  }

  /** A plugin reaches one person at most so many times a day in a neighbourhood; the rest of its items are dropped. */
  private async underCap(tx: Tx, source: string, batch: Recipient[], now: Date) {
    if (!batch.length) return batch;
    const n = schema.notifications;
    const since = new Date(now.getTime() - DAY_MS);
    const counts = await tx
      .select({ userId: n.userId, count: sql<number>`count(*)::int` })
      .from(n)
      .where(
        and(
          eq(n.source, source),
          sql`${n.createdAt} > ${since.toISOString()}`,
          anyOf(
            n.userId,
            batch.map((r) => r.userId),
          ),
        ),
      )
      .groupBy(n.userId);
    const full = new Set(counts.filter((c) => c.count >= PLUGIN_NOTIFICATIONS_PER_PERSON_PER_DAY).map((c) => c.userId));
    return batch.filter((r) => !full.has(r.userId));
  }

  /** Each new item's texts and WeChat messages, as the person chose (or the kind's default), after quiet hours. */
  private async planDeliveries(
    tx: Tx,
    tenantId: string,
    kind: string,
    urgent: boolean,
    items: { id: string; userId: string }[],
    now: Date,
  ) {
    if (!items.length) return;
    const p = schema.notificationPreferences;
    const preferences = new Map(
      (
        await tx
          .select()
          .from(p)
          .where(
            anyOf(
              p.userId,
              items.map((i) => i.userId),
            ),
          )
      ).map((row) => [row.userId, row]),
    );
    const defaults = this.deps.outbox.kinds.defaultChannels(kind);
    const wechatTemplate = this.deps.wechatTemplates[kind];
    const rows = items.flatMap((item) => {
      const chosen = preferences.get(item.userId);
      const quiet: QuietHours = chosen
        ? { start: chosen.quietStart, end: chosen.quietEnd }
        : { ...DEFAULT_QUIET_HOURS };
      const channels: NotificationChannel[] = chosen?.channels[kind] ?? defaults;
      return channels.flatMap((channel) => {
        if (channel === 'wechat' && (!chosen?.wechatOpenid || !wechatTemplate)) return [];
        const digest = channel === 'sms' && !!chosen?.digest && !urgent;
        return [
          {
            notificationId: item.id,
            userId: item.userId,
            channel,
            status: digest ? 'digest' : 'pending',
            nextAttemptAt: digest ? digestAt(now, quiet) : deliverableAt(now, quiet),
          },
        ];
      });
    });
    if (!rows.length) return;
    await tx.execute(sql`
      insert into notification_deliveries (id, tenant_id, notification_id, user_id, channel, status, next_attempt_at, created_at)
      select d.id, ${tenantId}, d.notification_id, d.user_id, d.channel, d.status, d.next_attempt_at,
        ${now.toISOString()}::timestamptz
      from unnest(${sql.param(rows.map(() => uuidv7()))}::uuid[],
                  ${sql.param(rows.map((r) => r.notificationId))}::uuid[],
                  ${sql.param(rows.map((r) => r.userId))}::uuid[],
                  ${sql.param(rows.map((r) => r.channel))}::text[],
                  ${sql.param(rows.map((r) => r.status))}::text[],
                  ${sql.param(rows.map((r) => r.nextAttemptAt.toISOString()))}::timestamptz[])
        as d(id, notification_id, user_id, channel, status, next_attempt_at)
      on conflict do nothing`);
  }

  /** Due deliveries, leased to this run: another run (or process) leaves them alone until the lease ends. */
  private async claimDue(tx: Tx) {
    const now = this.deps.clock.now();
    const d = schema.notificationDeliveries;
    const due = await tx
      .select({ id: d.id })
      .from(d)
      .where(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now)))
      .orderBy(asc(d.nextAttemptAt))
      .limit(DELIVER_BATCH)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    const ids = due.map((r) => r.id);
    await tx
      .update(d)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
      .where(inArray(d.id, ids));
    const n = schema.notifications;
    const u = schema.users;
    const p = schema.notificationPreferences;
    return tx
      .select({
        id: d.id,
        channel: d.channel,
        attempts: d.attempts,
        kind: n.kind,
        title: n.title,
        link: n.link,
        phone: u.phone,
        locale: u.locale,
        erasedAt: u.erasedAt,
        openid: p.wechatOpenid,
      })
      .from(d)
      .innerJoin(n, eq(n.id, d.notificationId))
      .innerJoin(u, eq(u.id, d.userId))
      .leftJoin(p, eq(p.userId, d.userId))
      .where(inArray(d.id, ids));
  }

  private async deliver(tenantId: string, delivery: Awaited<ReturnType<Notifier['claimDue']>>[number]) {
    const now = this.deps.clock.now();
    let outcome: { sent: true } | { sent: false; error: string; retryAt?: Date; final?: boolean };
    try {
      outcome = await this.send(delivery);
    } catch (error) {
      outcome = { sent: false, error: error instanceof Error ? error.message.slice(0, 500) : String(error) };
    }
    const d = schema.notificationDeliveries;
    const attempts = delivery.attempts + 1;
    await withTenant(this.deps.db, tenantId, (tx) =>
      tx
        .update(d)
        .set(
          outcome.sent
            ? { status: 'sent', attempts, sentAt: now, lastError: null }
            : {
                attempts,
                lastError: outcome.error,
                status: outcome.final || attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
                nextAttemptAt: outcome.retryAt ?? new Date(now.getTime() + backoffMs(attempts)),
              },
        )
        .where(eq(d.id, delivery.id)),
    );
  }

  private async send(delivery: Awaited<ReturnType<Notifier['claimDue']>>[number]) {
    if (delivery.erasedAt) return { sent: false as const, error: 'account deleted', final: true };
    const locale = delivery.locale as Locale;
    if (delivery.channel === 'wechat') {
      const templateId = this.deps.wechatTemplates[delivery.kind];
      if (!delivery.openid || !templateId) return { sent: false as const, error: 'no WeChat binding', final: true };
      await this.deps.wechat.send({
        openid: delivery.openid,
        templateId,
        page: delivery.link,
        data: { thing1: { value: clip(delivery.title['zh-CN'], 20) } },
      });
      return { sent: true as const };
    }
    return this.text(
      delivery.phone,
      { kind: 'notification', title: clip(delivery.title['zh-CN'], 20), url: this.deps.publicUrl },
      locale,
    );
  }

  private async text(
    phone: string,
    message: { kind: 'notification'; title: string; url: string } | { kind: 'digest'; count: string; url: string },
    locale: Locale,
  ) {
    try {
      const decision = await this.deps.sms.send(phone, message, locale);
      if (decision.allowed) return { sent: true as const };
      const retryAt = new Date(this.deps.clock.now().getTime() + decision.retryAfter * 1000);
      return { sent: false as const, error: 'send limit reached', retryAt };
    } catch (error) {
      if (error instanceof SmsDeliveryError) return { sent: false as const, error: error.message };
      throw error;
    }
  }

  /** People who take one text a day: everything due for them becomes one text. */
  private async digests(tenantId: string) {
    const now = this.deps.clock.now();
    const d = schema.notificationDeliveries;
    const due = await withTenant(this.deps.db, tenantId, async (tx) => {
      const rows = await tx
        .select({ id: d.id, userId: d.userId })
        .from(d)
        .where(and(eq(d.status, 'digest'), lte(d.nextAttemptAt, now)))
        .for('update', { skipLocked: true });
      if (rows.length)
        await tx
          .update(d)
          .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
          .where(
            inArray(
              d.id,
              rows.map((r) => r.id),
            ),
          );
      return rows;
    });
    const byUser = Map.groupBy(due, (r) => r.userId);
    for (const [userId, rows] of byUser) {
      const [user] = await this.deps.db
        .select({ phone: schema.users.phone, locale: schema.users.locale, erasedAt: schema.users.erasedAt })
        .from(schema.users)
        .where(eq(schema.users.id, userId));
      const outcome =
        !user || user.erasedAt
          ? { sent: false as const, error: 'account deleted' }
          : await this.text(
              user.phone,
              { kind: 'digest', count: String(rows.length), url: this.deps.publicUrl },
              user.locale,
            );
      const ids = rows.map((r) => r.id);
      await withTenant(this.deps.db, tenantId, (tx) =>
        tx
          .update(d)
          .set(
            outcome.sent
              ? { status: 'sent', sentAt: now, attempts: sql`${d.attempts} + 1` }
              : {
                  lastError: outcome.error,
                  attempts: sql`${d.attempts} + 1`,
                  nextAttemptAt:
                    'retryAt' in outcome && outcome.retryAt ? outcome.retryAt : new Date(now.getTime() + backoffMs(1)),
                },
          )
          .where(inArray(d.id, ids)),
      );
    }
  }

  /** Items older than the neighbourhood keeps them go, with their deliveries; at most hourly. */
  private async pruneOccasionally(tenantId: string) {
    const now = this.deps.clock.now();
    if (now.getTime() - (this.pruned.get(tenantId) ?? 0) < PRUNE_EVERY_MS) return;
    this.pruned.set(tenantId, now.getTime());
    await withTenant(this.deps.db, tenantId, async (tx) => {
      const [settings] = await tx.select().from(schema.notificationSettings);
      const days = settings?.retentionDays ?? NOTIFICATION_RETENTION_DAYS;
      const before = new Date(now.getTime() - days * DAY_MS);
      await tx.delete(schema.notifications).where(lt(schema.notifications.createdAt, before));
      await tx
        .delete(schema.notificationCauses)
        .where(and(eq(schema.notificationCauses.status, 'done'), lt(schema.notificationCauses.createdAt, before)));
    });
  }
}

/** Carriers and WeChat cap a variable's length (20 characters for a WeChat `thing`): cut, with an ellipsis. */
const clip = (text: string, max: number) =>
  [...text].length > max ? `${[...text].slice(0, max - 1).join('')}…` : text;
