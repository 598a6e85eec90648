import { schema, withTenant } from '@city/db';
import { eq } from 'drizzle-orm';
import type { RegionSummary } from '@city/plugin-sdk/server';
import { asOrganisation, asRegion } from '../plugin-runtime/context.ts';
import type { ApiServices } from '../services.ts';

interface DemoTenant {
  id: string;
  slug: string;
  name: string;
  admin: { id: string; displayName: string };
}

/**
 * 金色家园 has the directory plugin installed, with sample numbers and its staff member as an editor, 议事与表决
 * with topics and two 业主大会 (one open, one waiting to be counted), 智慧党建 with its branch (the committee member
 * as its secretary, with the plugin's branch role), and 生活服务 with a demo vendor (an
 * organisation with an owner and a staff member) admitted and taking orders; 翠湖苑 has none, so an admin can try
 * the marketplace there. Returns the demo vendor (none when the services plugin is not in the catalogue).
 */
export async function seedPlugins(
  services: ApiServices,
  jinse: DemoTenant,
  editorUserId: string,
  branchUserId: string,
  vendor: { owner: { id: string; displayName: string }; staffPhone: string },
) {
  const { installs, roles } = services.pluginRuntime;
  const context = {
    tenantId: jinse.id,
    actor: jinse.admin,
    at: services.clock.now(),
    tenant: { id: jinse.id, slug: jinse.slug, name: jinse.name },
  };
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
    const party = services.pluginRuntime.catalogue.get('party');
    if (!party) return;
    await installs.install(tx, context, 'party', { grantedScopes: [...party.manifest.scopes] });
    await installs.fillDemo(tx, context, 'party');
    const [secretary] = await tx.select().from(schema.members).where(eq(schema.members.userId, branchUserId));
    await roles.set(tx, context, 'party', secretary!.id, ['branch']);
  });
  return seedVendor(services, jinse, vendor);
}

/** A made-up code that passes the GB 32100 checksum (璧山区's division code 500120). */
const DEMO_VENDOR_USCC = '91500120MA61ABCD0J';

/** The demo vendor: an organisation, its catalogue (the plugin's organisation demo), admitted in 金色家园. */
async function seedVendor(
  services: ApiServices,
  jinse: DemoTenant,
  vendor: { owner: { id: string; displayName: string }; staffPhone: string },
) {
  const plugin = services.pluginRuntime.catalogue.get('services');
  if (!plugin?.lifecycle?.organisationDemo) return null;
  const context = {
    tenantId: jinse.id,
    actor: jinse.admin,
    at: services.clock.now(),
    tenant: { id: jinse.id, slug: jinse.slug, name: jinse.name },
  };
  await withTenant(services.db, jinse.id, (tx) =>
    services.pluginRuntime.installs.install(tx, context, 'services', { grantedScopes: [...plugin.manifest.scopes] }),
  );
  const organisation = await services.organisations.create(vendor.owner.id, {
    name: '安心到家服务站',
    uscc: DEMO_VENDOR_USCC,
    contactName: vendor.owner.displayName,
    contactPhone: '13900000041',
  });
  await services.organisations.addStaff(organisation.id, { phone: vendor.staffPhone, role: 'staff' });
  const who = {
    organisation: { id: organisation.id, name: organisation.name },
    actor: { ...vendor.owner, role: 'owner' as const },
  };
  await asOrganisation(services, plugin, who, (ctx) => plugin.lifecycle!.organisationDemo!(ctx));
  await withTenant(services.db, jinse.id, (tx) => services.pluginRuntime.installs.fillDemo(tx, context, 'services'));
  return { id: organisation.id, name: organisation.name };
}

/** The region rows of the plugins that keep some (智慧党建's 社区党委 and 街道党工委), for each demo region, as its staff. */
export async function seedRegionPlugins(
  services: ApiServices,
  regions: ReadonlyArray<{ region: RegionSummary; staff: { id: string; displayName: string } }>,
) {
  for (const plugin of services.pluginRuntime.catalogue.all()) {
    const demo = plugin.lifecycle?.regionDemo;
    if (!demo) continue;
    for (const who of regions) await asRegion(services, plugin, { region: who.region, actor: who.staff }, demo);
  }
}
