import { fileURLToPath } from 'node:url';
import { definePluginServer } from '@city/plugin-sdk/server';
import { sql } from 'drizzle-orm';
import { contactsManifest } from '../manifest.ts';
import { entries } from '../schema.ts';
import { routes } from './routes.ts';

export type { ContactsApi } from './routes.ts';

const DEMO_ENTRIES = [
  {
    category: 'property',
    name: '物业服务中心',
    phone: '023-4128 8888',
    hours: '24小时',
    note: '1栋一楼大厅',
    position: 0,
  },
  { category: 'property', name: '报修前台', phone: '023-4128 8899', hours: '工作日 8:30–17:30', note: '', position: 1 },
  {
    category: 'community',
    name: '东林社区居委会',
    phone: '023-4128 6001',
    hours: '工作日 9:00–17:00',
    note: '东林大道66号',
    position: 0,
  },
  { category: 'police', name: '璧城派出所', phone: '023-4128 3110', hours: '24小时', note: '', position: 0 },
  {
    category: 'medical',
    name: '东林社区卫生服务站',
    phone: '023-4128 7120',
    hours: '8:00–20:00',
    note: '',
    position: 0,
  },
  { category: 'utility', name: '自来水公司客服', phone: '96933', hours: '24小时', note: '', position: 0 },
  { category: 'utility', name: '国家电网客服', phone: '95598', hours: '24小时', note: '', position: 1 },
] as const;

export const contactsPlugin = definePluginServer({
  manifest: contactsManifest,
  migrations: fileURLToPath(new URL('../../migrations', import.meta.url)),
  routes,
  lifecycle: {
    // Row-level security limits the delete to this neighbourhood.
    purge: async (ctx) => {
      await ctx.db.delete(entries).where(sql`true`);
    },
    demo: async (ctx) => {
      await ctx.db
        .insert(entries)
        .values(DEMO_ENTRIES.map((entry) => ({ ...entry, tenantId: ctx.tenant.id, updatedAt: ctx.now() })));
    },
  },
});
