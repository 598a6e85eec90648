import { schema, withTenant } from '@city/db';
import { eq } from 'drizzle-orm';
import type { ApiServices } from '../services.ts';

interface DemoTenant {
  id: string;
  slug: string;
  name: string;
  admin: { id: string; displayName: string };
}

/**
 * 金色家园 has the directory plugin installed, with sample numbers and its staff member as an editor, and 议事与表决
 * with topics and two 业主大会 (one open, one waiting to be counted); 翠湖苑 has none, so an admin can try the
 * marketplace there.
 */
export async function seedPlugins(services: ApiServices, jinse: DemoTenant, editorUserId: string) {
  const { installs, roles } = services.pluginRuntime;
  const context = { tenantId: jinse.id, actor: jinse.admin, at: services.clock.now(), tenant: { id: jinse.id, slug: jinse.slug, name: jinse.name } };
  await withTenant(services.db, jinse.id, async (tx) => {
    const contacts = services.pluginRuntime.catalogue.get('contacts');
    if (!contacts) return;
    await installs.install(tx, context, 'contacts', { grantedScopes: [...contacts.manifest.scopes] });
    await installs.fillDemo(tx, context, 'contacts');
    const [editor] = await tx.select().from(schema.members).where(eq(schema.members.userId, editorUserId));
    await roles.set(tx, context, 'contacts', editor!.id, ['editor']);
    const voting = services.pluginRuntime.catalogue.get('voting');
    if (!voting) return;
    await installs.install(tx, context, 'voting', { grantedScopes: [...voting.manifest.scopes] });
    await installs.fillDemo(tx, context, 'voting');
  });
}
