import type { PluginMigrations } from '@city/db';
import type { EventHandler, PluginServer } from '@city/plugin-sdk/server';

/** The version of the core plugins declare their `coreRange` against. */
export const CORE_VERSION = '1.0.0';

/**
 * The plugins this deployment offers (first-party workspace packages today). The seam for third-party packages is
 * here: anything that yields PluginServer objects can feed the catalogue.
 */
export class PluginCatalogue {
  private readonly byId: Map<string, PluginServer>;

  constructor(plugins: readonly PluginServer[]) {
    this.byId = new Map(plugins.map((p) => [p.manifest.id, p]));
    if (this.byId.size !== plugins.length) throw new Error('two plugins share an id');
  }

  all(): PluginServer[] {
    return [...this.byId.values()];
  }

  get(id: string): PluginServer | undefined {
    return this.byId.get(id);
  }

  /** The plugin's handler of an event, if it has one. */
  handler(pluginId: string, event: string): EventHandler | undefined {
    return (this.byId.get(pluginId)?.events as Record<string, EventHandler | undefined> | undefined)?.[event];
  }

  /** Plugin migrations, each plugin after the plugins it requires (their tables may be referenced). */
  migrations(): PluginMigrations[] {
    const ordered: PluginServer[] = [];
    const visit = (plugin: PluginServer, path: string[]) => {
      if (ordered.includes(plugin)) return;
      if (path.includes(plugin.manifest.id))
        throw new Error(`plugins require each other: ${[...path, plugin.manifest.id].join(' → ')}`);
      for (const id of Object.keys(plugin.manifest.requires ?? {})) {
        const required = this.byId.get(id);
        if (required) visit(required, [...path, plugin.manifest.id]);
      }
      ordered.push(plugin);
    };
    for (const plugin of this.byId.values()) visit(plugin, []);
    return ordered.filter((p) => p.migrations).map((p) => ({ pluginId: p.manifest.id, folder: p.migrations! }));
  }
}

/** The migrations a set of plugins brings, in the order they apply (tests build their databases from it). */
export const pluginMigrations = (plugins: readonly PluginServer[]) => new PluginCatalogue(plugins).migrations();
