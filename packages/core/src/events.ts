import type { CoreEventName, CoreEventPayloads } from '@city/contracts';
import { schema, type Tx } from '@city/db';

/** Neighbourhoods whose transactions wrote events since the runtime last looked (a hint; the outbox is the truth). */
const touched = new Set<string>();

/**
 * Writes an event to the outbox inside the transaction of the change it reports, so it exists exactly when the
 * change committed. Core events are typed by their name; plugin events (`<pluginId>.<name>`) carry plain data.
 */
export async function emitEvent<E extends CoreEventName | `${string}.${string}`>(
  tx: Tx,
  tenantId: string,
  name: E,
  payload: E extends CoreEventName ? CoreEventPayloads[E] : Record<string, unknown>,
  at: Date,
) {
  await tx.insert(schema.pluginEvents).values({ tenantId, name, payload, createdAt: at });
  markTouched(tenantId);
}

/** Asks the runtime to look at a neighbourhood's outbox once the current transaction has committed. */
export function markTouched(tenantId: string) {
  touched.add(tenantId);
}

/** Whether a neighbourhood wrote events since the last call for it (and forgets it). */
export function takeTouched(tenantId: string): boolean {
  return touched.delete(tenantId);
}
