import { AppError, audit, TenantRuns, type AuditContext, type Services } from '@city/core';
import { schema, tenantsWithPendingEvents, withTenant, type Tx } from '@city/db';
import { and, asc, eq, inArray, isNull, lt, lte, ne, notExists, sql } from 'drizzle-orm';
import type { PluginCatalogue } from './catalogue.ts';
import type { PluginMemory } from './memory.ts';
import { asPlugin, databaseRole, pluginContext } from './context.ts';
import { coreEventHandler } from './core-subscriptions.ts';

/** After this many failed attempts a delivery stops being retried and stays visible as failed. */
const MAX_ATTEMPTS = 6;
const backoffMs = (attempts: number) => 5_000 * 4 ** (attempts - 1);
const BATCH = 20;
const PRUNE_EVERY_MS = 3600_000;
const KEEP_DELIVERED_MS = 7 * 86400_000;
/** The core's own deliveries (no plugin can be called that: RESERVED_PLUGIN_IDS). */
const CORE = 'core';

type OutboxEvent = typeof schema.pluginEvents.$inferSelect;
type Handle = (savepoint: Tx) => Promise<void>;

/**
 * Delivers outbox events to plugin handlers, after the transaction that wrote them committed: fan-out to one
 * delivery per enabled plugin handling the event, then each delivery in its own transaction; the handler runs in a
 * savepoint as the plugin, so a failure undoes its writes but records the attempt, and the core action that emitted
 * the event is long committed and unaffected.
 */
export class EventDispatcher {
  private readonly catalogue: PluginCatalogue;
  private readonly services: Services;
  private readonly pruned = new Map<string, number>();
  private readonly memory: PluginMemory;
  private readonly runs: TenantRuns;

  constructor(catalogue: PluginCatalogue, services: Services, memory: PluginMemory) {
    this.catalogue = catalogue;
    this.services = services;
    this.memory = memory;
    this.runs = new TenantRuns(
      'plugins',
      (tenantId) => this.run(tenantId),
      () => tenantsWithPendingEvents(services.db, services.clock.now()),
    );
  }

  /** Called after a neighbourhood's request committed: dispatches at once if it wrote events (never rejects). */
  afterCommit(tenantId: string): Promise<void> | undefined {
    if (!this.services.events.take(tenantId)) return undefined;
    return this.runs.runQuietly(tenantId);
  }

  /** Fans out and delivers what is due for one neighbourhood; concurrent calls for it share one run. */
  dispatch(tenantId: string): Promise<void> {
    return this.runs.run(tenantId);
  }

  /** Delivers what is waiting anywhere: due retries and anything a restart left behind. */
  sweep() {
    return this.runs.sweep();
  }

  /** Background delivery for long-running servers (edge runtimes call sweep() from a scheduled handler). */
  start(intervalMs = 5_000) {
    this.runs.start(intervalMs);
  }

  /** Resolves once no delivery is running (a server or test shutting down waits for it). */
  idle() {
    return this.runs.idle();
  }

  stop() {
    this.runs.stop();
  }

  /** An admin sends a failed (or waiting) delivery again, at once, after this request commits; paused ones wait. */
  async retry(tx: Tx, context: AuditContext, pluginId: string, deliveryId: string) {
    const d = schema.pluginDeliveries;
    const [delivery] = await tx
      .update(d)
      .set({ status: 'pending', nextAttemptAt: context.at })
      .where(and(eq(d.id, deliveryId), eq(d.pluginId, pluginId), inArray(d.status, ['pending', 'failed'])))
      .returning();
    if (!delivery) throw new AppError('not_found');
    await audit(tx, context, {
      action: 'plugin.delivery_retried',
      targetType: 'plugin',
      targetId: pluginId,
      details: { delivery: deliveryId, attempts: delivery.attempts },
    });
    this.services.events.touch(context.tenantId);
  }

  private async run(tenantId: string) {
    await withTenant(this.services.db, tenantId, async (tx) => {
      await this.fanOut(tx, tenantId);
      await this.pruneOccasionally(tx, tenantId);
    });
    for (;;) {
      const delivered = await withTenant(this.services.db, tenantId, (tx) => this.deliverBatch(tx, tenantId));
      if (delivered < BATCH) break;
    }
    // Handlers may have sent notifications.
    await this.services.notifier.afterCommit(tenantId);
  }

  /** Delivered events are kept a week (for the admin's view and for debugging), then deleted; at most hourly. */
  private async pruneOccasionally(tx: Tx, tenantId: string) {
    const now = this.services.clock.now();
    if (now.getTime() - (this.pruned.get(tenantId) ?? 0) < PRUNE_EVERY_MS) return;
    this.pruned.set(tenantId, now.getTime());
    const before = new Date(now.getTime() - KEEP_DELIVERED_MS);
    const d = schema.pluginDeliveries;
    const e = schema.pluginEvents;
    await tx.delete(d).where(and(eq(d.status, 'done'), lt(d.deliveredAt, before)));
    await tx.delete(e).where(
      and(
        lt(e.dispatchedAt, before),
        notExists(
          tx
            .select({ one: sql`1` })
            .from(d)
            .where(eq(d.eventId, e.id)),
        ),
      ),
    );
  }

  private async fanOut(tx: Tx, tenantId: string) {
    const events = await tx
      .select()
      .from(schema.pluginEvents)
      .where(isNull(schema.pluginEvents.dispatchedAt))
      .orderBy(asc(schema.pluginEvents.createdAt))
      .for('update', { skipLocked: true });
    if (!events.length) return;
    // Disabled plugins are still installed: their deliveries wait, paused, until they are enabled again.
    const installed = await tx
      .select()
      .from(schema.pluginInstalls)
      .where(ne(schema.pluginInstalls.status, 'uninstalled'));
    const now = this.services.clock.now();
    const rows = events.flatMap((event) => [
      ...installed
        .filter((install) => this.catalogue.handler(install.pluginId, event.name))
        .map((install) => ({
          tenantId,
          eventId: event.id,
          pluginId: install.pluginId,
          status: install.status === 'enabled' ? ('pending' as const) : ('paused' as const),
          nextAttemptAt: now,
        })),
      ...(coreEventHandler(event.name, this.services)
        ? [{ tenantId, eventId: event.id, pluginId: CORE, status: 'pending' as const, nextAttemptAt: now }]
        : []),
    ]);
    if (rows.length) await tx.insert(schema.pluginDeliveries).values(rows).onConflictDoNothing();
    for (const event of events)
      await tx.update(schema.pluginEvents).set({ dispatchedAt: now }).where(eq(schema.pluginEvents.id, event.id));
  }

  private async deliverBatch(tx: Tx, tenantId: string): Promise<number> {
    const now = this.services.clock.now();
    const d = schema.pluginDeliveries;
    const due = await tx
      .select({ delivery: d, event: schema.pluginEvents })
      .from(d)
      .innerJoin(schema.pluginEvents, eq(schema.pluginEvents.id, d.eventId))
      .where(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now)))
      .orderBy(asc(schema.pluginEvents.createdAt))
      .limit(BATCH)
      .for('update', { of: d, skipLocked: true });
    const [tenant] = due.length ? await tx.select().from(schema.tenants).where(eq(schema.tenants.id, tenantId)) : [];
    for (const { delivery, event } of due) {
      const handle =
        delivery.pluginId === CORE
          ? this.coreHandler(event)
          : await this.pluginHandler(tx, tenantId, delivery.pluginId, event, () => tenant!);
      if (!handle) {
        await tx.update(d).set({ status: 'failed', lastError: 'plugin not installed' }).where(eq(d.id, delivery.id));
        continue;
      }
      try {
        await tx.transaction(handle);
        await tx
          .update(d)
          .set({ status: 'done', attempts: delivery.attempts + 1, deliveredAt: now, lastError: null })
          .where(eq(d.id, delivery.id));
      } catch (error) {
        const attempts = delivery.attempts + 1;
        await tx
          .update(d)
          .set({
            attempts,
            lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
          })
          .where(eq(d.id, delivery.id));
      }
    }
    return due.length;
  }
  /** What the core itself does with an event, run in a savepoint with the app's own rights. */
  private coreHandler(event: OutboxEvent): Handle | undefined {
    const handler = coreEventHandler(event.name, this.services);
    if (!handler) return undefined;
    const source = event.name.slice(0, event.name.indexOf('.'));
    return (savepoint) =>
      handler(savepoint, event.tenantId, {
        id: event.id,
        source,
        payload: event.payload,
        createdAt: event.createdAt,
      });
  }

  /** A plugin's handler, run in a savepoint as the plugin; none when the plugin is no longer enabled here. */
  private async pluginHandler(
    tx: Tx,
    tenantId: string,
    pluginId: string,
    event: OutboxEvent,
    tenant: () => { slug: string; name: string },
  ): Promise<Handle | undefined> {
    const plugin = this.catalogue.get(pluginId);
    const [install] = await tx.select().from(schema.pluginInstalls).where(eq(schema.pluginInstalls.pluginId, pluginId));
    const handler = this.catalogue.handler(pluginId, event.name);
    // Disabling pauses a plugin's deliveries (PluginInstalls.setEnabled); an uninstalled plugin gets none.
    if (!plugin || !handler || !install || install.status !== 'enabled') return undefined;
    return async (savepoint) => {
      const context = pluginContext({
        tx: savepoint,
        services: this.services,
        memory: this.memory,
        plugin: { id: plugin.manifest.id, version: install.version, role: databaseRole(plugin) },
        tenant: { id: tenantId, ...tenant() },
        actor: null,
        grantedScopes: install.grantedScopes,
        settings: install.settings,
      });
      await asPlugin(savepoint, databaseRole(plugin), () =>
        handler(context, {
          id: event.id,
          name: event.name,
          payload: event.payload,
          createdAt: event.createdAt.toISOString(),
        }),
      );
    };
  }
}
