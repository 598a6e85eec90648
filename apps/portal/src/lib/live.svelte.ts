import { invalidate } from '$app/navigation';
import { ME_DEPENDENCY } from './dependencies.ts';
import { routes } from './routes.ts';
/** Where the stream is not available (an edge deployment without it), the count is fetched again this often. */
const POLL_MS = 30_000;

/**
 * The signed-in visitor's live notifications: one EventSource per tab, opened by the root layout. It keeps the
 * header's unread count current and tells listeners (a vendor's order inbox) that something arrived; if the stream
 * cannot be had, it falls back to polling.
 */
class Live {
  unread = $state<number | null>(null);
  private readonly listeners = new Set<() => void>();
  private source: EventSource | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;

  start() {
    if (this.source || this.poll || typeof EventSource === 'undefined') return;
    const source = new EventSource(routes.notificationStream());
    this.source = source;
    source.addEventListener('unread', (event) => {
      this.unread = (JSON.parse((event as MessageEvent<string>).data) as { unread: number }).unread;
    });
    source.addEventListener('notification', () => {
      for (const listener of this.listeners) listener();
    });
    source.addEventListener('error', () => {
      // EventSource retries by itself; once it gives up (CLOSED), poll instead.
      if (source.readyState !== EventSource.CLOSED) return;
      this.source = undefined;
      this.poll = setInterval(() => {
        void invalidate(ME_DEPENDENCY);
        for (const listener of this.listeners) listener();
      }, POLL_MS);
    });
  }

  stop() {
    this.source?.close();
    this.source = undefined;
    clearInterval(this.poll);
    this.poll = undefined;
    this.unread = null;
  }

  /** Calls `listener` whenever a notification arrives; returns the unsubscribe. */
  onNotification(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export const live = new Live();
