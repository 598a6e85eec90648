import { NOTIFICATION_RETENTION_DAYS, type Locale } from '@city/contracts';
import { schema, type Tx } from '@city/db';
import { desc, eq } from 'drizzle-orm';
import { audit, type AuditContext } from '../audit.ts';
import { fieldError } from '../errors.ts';
import type { NotificationKinds } from './kinds.ts';

/** The latest fan-outs and failed deliveries an admin sees (the rest stay in the tables). */
const SHOWN = 20;

/**
 * A neighbourhood's say on its notifications, in its own transaction: which kinds are on (against each kind's
 * default), how long items are kept; and what its admins watch — the progress of recent fan-outs and the deliveries
 * that failed.
 */
export async function notificationSettings(tx: Tx, kinds: NotificationKinds, locale: Locale) {
  const [row] = await tx.select().from(schema.notificationSettings);
  const overrides = row?.kinds ?? {};
  const c = schema.notificationCauses;
  const fanOuts = await tx
    .select({
      id: c.id,
      kind: c.kind,
      title: c.title,
      status: c.status,
      total: c.total,
      expanded: c.expanded,
      createdAt: c.createdAt,
      notBefore: c.notBefore,
      finishedAt: c.finishedAt,
    })
    .from(c)
    .orderBy(desc(c.createdAt))
    .limit(SHOWN);
  const d = schema.notificationDeliveries;
  const n = schema.notifications;
  const failures = await tx
    .select({
      id: d.id,
      kind: n.kind,
      title: n.title,
      channel: d.channel,
      attempts: d.attempts,
      error: d.lastError,
      at: d.createdAt,
    })
    .from(d)
    .innerJoin(n, eq(n.id, d.notificationId))
    .where(eq(d.status, 'failed'))
    .orderBy(desc(d.createdAt))
    .limit(SHOWN);
  return {
    kinds: kinds.list(locale).map((k) => ({
      kind: k.kind,
      name: k.name,
      urgent: k.urgent,
      defaultOn: !k.off,
      on: kinds.isOn(k.kind, overrides),
    })),
    retentionDays: row?.retentionDays ?? NOTIFICATION_RETENTION_DAYS,
    fanOuts: fanOuts.map(({ title, ...f }) => ({ ...f, title: title[locale] })),
    failures: failures.map(({ title, ...f }) => ({ ...f, title: title[locale] })),
  };
}

export async function saveNotificationSettings(
  tx: Tx,
  context: AuditContext,
  kinds: NotificationKinds,
  input: { kinds: Record<string, boolean>; retentionDays: number },
) {
  for (const kind of Object.keys(input.kinds)) {
    if (!kinds.get(kind)) throw fieldError(`body.kinds.${kind}`, 'invalid_value');
  }
  // Only what differs from a kind's default is kept: a default changed later reaches neighbourhoods that kept it.
  const overrides = Object.fromEntries(
    Object.entries(input.kinds).filter(([kind, on]) => on !== !kinds.get(kind)!.off),
  );
  const values = { kinds: overrides, retentionDays: input.retentionDays, updatedAt: context.at };
  await tx
    .insert(schema.notificationSettings)
    .values({ tenantId: context.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.notificationSettings.tenantId, set: values });
  await audit(tx, context, {
    action: 'notifications.settings_changed',
    targetType: 'tenant',
    targetId: context.tenantId,
    details: { kinds: overrides, retentionDays: input.retentionDays },
  });
}
