/**
 * What the portal last told the visitor about a form they sent: shown as a toast and read out by screen readers
 * (the root layout renders it in live regions that exist from the first paint, so a change is announced).
 * Only the browser changes it: a form's result arrives there.
 */
export type Announcement = { id: number; tone: 'progress' | 'success' | 'failure'; text: string };

class Announcer {
  current = $state<Announcement | null>(null);
  #next = 1;

  say(tone: Announcement['tone'], text: string) {
    this.current = { id: this.#next++, tone, text };
  }

  /** Withdraws an announcement unless a newer one has replaced it. */
  clear(id: number) {
    if (this.current?.id === id) this.current = null;
  }
}

export const announcer = new Announcer();
