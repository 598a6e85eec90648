import type { CoreEventName, CoreEventPayloads } from '@city/contracts';
import { schema, type Tx } from '@city/db';

type EventName = CoreEventName | `${string}.${string}`;
type PayloadOf<E extends EventName> = E extends CoreEventName ? CoreEventPayloads[E] : Record<string, unknown>;

/**
 * The outbox of events for plugins, one per app. An event is written inside the transaction of the change it
 * reports, so it exists exactly when the change committed; the app remembers which neighbourhoods wrote some, so the
 * plugin runtime looks at their outbox right after the request, and at no one else's (a hint: the table is the truth).
 */
export class EventOutbox {
  private readonly touched = new Set<string>();

  /** Core events are typed by their name; plugin events (`<pluginId>.<name>`) carry plain data. */
  async emit<E extends EventName>(tx: Tx, tenantId: string, name: E, payload: PayloadOf<E>, at: Date) {
    await tx.insert(schema.pluginEvents).values({ tenantId, name, payload, createdAt: at });
    this.touch(tenantId);
  }

  /** Asks the runtime to look at a neighbourhood's outbox once the current transaction has committed. */
  touch(tenantId: string) {
    this.touched.add(tenantId);
  }

  /** Whether a neighbourhood wrote events since the last call for it (and forgets it). */
  take(tenantId: string): boolean {
    return this.touched.delete(tenantId);
  }
}
