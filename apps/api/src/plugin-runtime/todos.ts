import type { Locale, TodoItem } from '@city/contracts';
import type { Services } from '@city/core';
import { schema, withTenant } from '@city/db';
import { eq } from 'drizzle-orm';
import type { PluginCatalogue } from './catalogue.ts';
import type { PluginMemory } from './memory.ts';
import { pluginMembers } from './actors.ts';
import { asPlugin, databaseRole, pluginContext } from './context.ts';

/**
 * The plugins' part of a member's to-do list (their `todo` hooks): in one read of each neighbourhood the person is a
 * member of, every enabled plugin with a hook runs as itself with the member as its actor. A hook that fails is left
 * out (logged): the home page never fails for one plugin.
 */
export class PluginTodos {
  private readonly catalogue: PluginCatalogue;
  private readonly services: Services;
  private readonly memory: PluginMemory;

  constructor(catalogue: PluginCatalogue, services: Services, memory: PluginMemory) {
    this.catalogue = catalogue;
    this.services = services;
    this.memory = memory;
  }

  async of(
    tenant: { id: string; slug: string; name: string },
    person: { id: string; displayName: string },
    locale: Locale,
  ): Promise<TodoItem[]> {
    const withHooks = this.catalogue.all().filter((p) => p.todo);
    if (!withHooks.length) return [];
    return withTenant(this.services.db, tenant.id, async (tx) => {
      const installs = await tx.select().from(schema.pluginInstalls).where(eq(schema.pluginInstalls.status, 'enabled'));
      const items: TodoItem[] = [];
      for (const plugin of withHooks) {
        const install = installs.find((i) => i.pluginId === plugin.manifest.id);
        if (!install) continue;
        const { actors, ownerIdsByUser } = await pluginMembers(tx, plugin.manifest.id, [person]);
        const actor = actors.get(person.id);
        if (!actor) return [];
        const role = databaseRole(plugin);
        try {
          // A savepoint: a failing hook's statements (and its role) are undone without touching the others'.
          const todos = await tx.transaction((savepoint) => {
            const context = pluginContext({
              tx: savepoint,
              services: this.services,
              memory: this.memory,
              plugin: { id: plugin.manifest.id, version: install.version, role },
              tenant,
              actor,
              ownerIdsByUser,
              grantedScopes: install.grantedScopes,
              settings: install.settings,
            });
            return asPlugin(savepoint, role, () => plugin.todo!(context as never));
          });
          for (const todo of todos) {
            items.push({
              kind: `${plugin.manifest.id}.${todo.kind}`,
              title: todo.title[locale],
              ...(todo.named ? { named: todo.named } : {}),
              body: todo.body[locale],
              link: todo.link,
              action: todo.action[locale],
              due: todo.due?.toISOString() ?? null,
              urgent: todo.urgent,
              neighbourhood: { slug: tenant.slug, name: tenant.name },
            });
          }
        } catch (error) {
          console.error(`[plugins] ${plugin.manifest.id} todo hook failed`, error);
        }
      }
      return items;
    });
  }
}
