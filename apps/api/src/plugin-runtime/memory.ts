/** How many values the app keeps for all plugins together; the oldest goes first. */
const LIMIT = 1000;

/**
 * What plugins keep in the app's memory between requests (`ctx.remember`): values that never change once written,
 * such as an announced meeting's agenda, read once instead of on every ballot. One per app, keyed by plugin and
 * neighbourhood so no plugin or neighbourhood reads another's; bounded; a restart or another server simply starts
 * without them.
 */
export class PluginMemory {
  private readonly values = new Map<string, unknown>();

  async remember<T>(key: string, load: () => Promise<T>): Promise<T> {
    if (this.values.has(key)) return this.values.get(key) as T;
    const value = await load();
    this.values.set(key, value);
    if (this.values.size > LIMIT) this.values.delete(this.values.keys().next().value!);
    return value;
  }
}
