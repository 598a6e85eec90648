/**
 * Background work done one neighbourhood at a time (plugin event deliveries, notification fan-outs): at most one run
 * per neighbourhood in this process — a request for another while one is running waits for it, then runs again, so
 * nothing written meanwhile is missed — a periodic sweep over the neighbourhoods that have work, and a way to wait
 * until everything in flight is done.
 */
export class TenantRuns {
  private readonly work: (tenantId: string) => Promise<void>;
  private readonly pending: () => Promise<string[]>;
  private readonly label: string;
  private readonly running = new Map<string, Promise<void>>();
  private timers: ReturnType<typeof setInterval>[] = [];

  /** `work` does one neighbourhood's run; `pending` names the neighbourhoods with work; `label` names it in logs. */
  constructor(label: string, work: (tenantId: string) => Promise<void>, pending: () => Promise<string[]>) {
    this.label = label;
    this.work = work;
    this.pending = pending;
  }

  run(tenantId: string): Promise<void> {
    const current = this.running.get(tenantId);
    if (current) return current.then(() => this.run(tenantId));
    const run = this.work(tenantId).finally(() => this.running.delete(tenantId));
    this.running.set(tenantId, run);
    return run;
  }

  /** A run that never rejects (after a request: its caller has already answered). */
  runQuietly(tenantId: string): Promise<void> {
    return this.run(tenantId).catch((error) => console.error(`[${this.label}] run failed`, error));
  }

  async sweep() {
    for (const tenantId of await this.pending()) await this.run(tenantId);
  }

  /** Sweeps in the background (long-running servers; edge runtimes call sweep() from a scheduled handler). */
  start(intervalMs = 5_000) {
    const timer = setInterval(
      () => void this.sweep().catch((error) => console.error(`[${this.label}] sweep failed`, error)),
      intervalMs,
    );
    (timer as { unref?: () => void }).unref?.();
    this.timers.push(timer);
  }

  stop() {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** Resolves once no run is in flight (a server or test shutting down waits for it). */
  async idle() {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }
}
