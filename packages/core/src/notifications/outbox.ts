import { executeWithNext, literal, type LocalisedText, type NotificationAudience, type Tx } from '@city/db';
import { v7 as uuidv7 } from 'uuid';
import type { NotificationKinds } from './kinds.ts';

export interface NotificationCause {
  /** A known kind: the core's, or `<plugin id>.<name>` for the plugin sending it. */
  kind: string;
  /** What makes this cause one cause: the same key again (a retried request, a re-delivered event) adds nothing. */
  key: string;
  audience: NotificationAudience;
  title: LocalisedText;
  body: LocalisedText;
  /** A portal path (`/…`). */
  link: string;
  /** Not before this time (a reminder); now when absent. */
  notBefore?: Date;
}

/**
 * Where notifications start: a cause written in the transaction of what it reports, so it exists exactly when that
 * committed. The notifier expands it after the commit (the neighbourhoods touched here are looked at first).
 */
export class NotificationOutbox {
  private readonly touched = new Set<string>();
  readonly kinds: NotificationKinds;

  constructor(kinds: NotificationKinds) {
    this.kinds = kinds;
  }

  async send(tx: Tx, tenantId: string, source: string, cause: NotificationCause, at: Date) {
    if (!this.kinds.get(cause.kind)) throw new Error(`unknown notification kind: ${cause.kind}`);
    if (source !== 'core' && !cause.kind.startsWith(`${source}.`))
      throw new Error(`${source} may send only its own kinds, not ${cause.kind}`);
    if (!cause.link.startsWith('/') || cause.link.startsWith('//')) throw new Error(`not a portal path: ${cause.link}`);
    // One statement that no one waits for (it returns nothing): it travels with the transaction's next one.
    const values = [
      uuidv7(),
      tenantId,
      source,
      cause.kind,
      `${source}:${cause.key}`,
      JSON.stringify(cause.audience),
      JSON.stringify(cause.title),
      JSON.stringify(cause.body),
      cause.link,
      !!this.kinds.get(cause.kind)?.urgent,
      at,
      cause.notBefore ?? null,
    ].map(literal);
    await executeWithNext(tx, `select app_send_notification(${values.join(', ')})`);
    this.touched.add(tenantId);
  }

  /** Every neighbourhood written to since the last call (a business's request may write into several). */
  takeAll(): string[] {
    const all = [...this.touched];
    this.touched.clear();
    return all;
  }

  /** Whether a neighbourhood wrote causes since the last call for it (and forgets it). */
  take(tenantId: string): boolean {
    return this.touched.delete(tenantId);
  }
}
