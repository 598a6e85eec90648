import { z } from '@hono/zod-openapi';
import { definePluginErrors } from '@city/plugin-sdk';
import { jsonBody, json, pluginRoute, type PluginContext, type PluginRouter } from '@city/plugin-sdk/server';
import { asc, eq, sql } from 'drizzle-orm';
import { DirectorySchema, EntryInputSchema, EntrySchema } from '../contracts.ts';
import type { contactsManifest } from '../manifest.ts';
import { CATEGORIES } from '../categories.ts';
import { entries } from '../schema.ts';

type Settings = z.infer<typeof contactsManifest.settings>;

const fail = definePluginErrors('contacts', {
  entry_missing: { status: 404, 'zh-CN': '没有这个电话', en: 'No such number' },
});
const EDITORS = ['tenant:admin', 'plugin-role:contacts.editor'] as const;
const entryParams = z.object({ entryId: z.uuid() });

const list = pluginRoute({
  method: 'get',
  path: '/entries',
  summary: '电话簿 / The directory',
  access: ['tenant:member'],
  responses: { 200: json(DirectorySchema) },
});
const create = pluginRoute({
  method: 'post',
  path: '/entries',
  summary: '添加电话 / Add a number',
  access: EDITORS,
  request: { body: jsonBody(EntryInputSchema) },
  responses: { 201: json(EntrySchema, 'Added') },
});
const update = pluginRoute({
  method: 'put',
  path: '/entries/{entryId}',
  summary: '修改电话 / Change a number',
  access: EDITORS,
  request: { params: entryParams, body: jsonBody(EntryInputSchema) },
  responses: { 200: json(EntrySchema) },
});
const remove = pluginRoute({
  method: 'delete',
  path: '/entries/{entryId}',
  summary: '删除电话 / Remove a number',
  access: EDITORS,
  request: { params: entryParams },
  responses: { 204: { description: 'Removed' } },
});

const columns = {
  id: entries.id,
  category: entries.category,
  name: entries.name,
  phone: entries.phone,
  hours: entries.hours,
  note: entries.note,
  position: entries.position,
  updatedAt: entries.updatedAt,
};
const serialize = (row: { updatedAt: Date } & Omit<z.infer<typeof EntrySchema>, 'updatedAt'>) => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});
// Categories in the order residents look for them, then the editor's order.
const categoryOrder = sql`array_position(array[${sql.join(
  CATEGORIES.map((c) => sql`${c}`),
  sql`, `,
)}]::text[], ${entries.category})`;

const audit = (ctx: PluginContext<Settings>, action: string, id: string, name: string) =>
  ctx.audit.append({ action, targetType: 'contacts_entry', targetId: id, details: { name } });

/** The directory's API: members read it, the admin and the editors it names keep it (each change audited). */
export const routes = (router: PluginRouter<Settings>) =>
  router
    .openapi(list, async (c) => {
      const ctx = c.get('plugin');
      const rows = await ctx.db
        .select(columns)
        .from(entries)
        .orderBy(categoryOrder, asc(entries.position), asc(entries.name));
      return c.json(
        { title: ctx.settings.title, showEmergency: ctx.settings.showEmergency, items: rows.map(serialize) },
        200,
      );
    })
    .openapi(create, async (c) => {
      const ctx = c.get('plugin');
      const [row] = await ctx.db
        .insert(entries)
        .values({ ...c.req.valid('json'), tenantId: ctx.tenant.id, updatedAt: ctx.now() })
        .returning(columns);
      await audit(ctx, 'entry_added', row!.id, row!.name);
      return c.json(serialize(row!), 201);
    })
    .openapi(update, async (c) => {
      const ctx = c.get('plugin');
      const [row] = await ctx.db
        .update(entries)
        .set({ ...c.req.valid('json'), updatedAt: ctx.now() })
        .where(eq(entries.id, c.req.valid('param').entryId))
        .returning(columns);
      if (!row) throw fail('entry_missing');
      await audit(ctx, 'entry_changed', row.id, row.name);
      return c.json(serialize(row), 200);
    })
    .openapi(remove, async (c) => {
      const ctx = c.get('plugin');
      const [row] = await ctx.db
        .delete(entries)
        .where(eq(entries.id, c.req.valid('param').entryId))
        .returning(columns);
      if (!row) throw fail('entry_missing');
      await audit(ctx, 'entry_removed', row.id, row.name);
      return c.body(null, 204);
    });

/** The API's type, for the portal's typed client (imported with `import type`, so no server code reaches it). */
export type ContactsApi = ReturnType<typeof routes>;
