import { fileURLToPath } from 'node:url';
import { definePluginServer, type PluginRouter } from '@city/plugin-sdk/server';
import { sql } from 'drizzle-orm';
import { servicesManifest, type ServicesSettings } from '../manifest.ts';
import { admissions, complaints, listings, orderEvents, orders, reviews, slots } from '../schema.ts';
import { demo, organisationDemo } from './demo.ts';
import { ordersToFollow } from './notify.ts';
import { servicesPersonalData } from './personal-data.ts';
import { adminRoutes } from './routes/admin.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { myOrderRoutes } from './routes/my-orders.ts';
import { vendorAccountRoutes } from './routes/vendor-account.ts';
import { vendorImageRoutes } from './routes/vendor-images.ts';
import { vendorOfferingRoutes } from './routes/vendor-offerings.ts';
import { vendorOrderRoutes } from './routes/vendor-orders.ts';
import { vendorSlotRoutes } from './routes/vendor-slots.ts';

type Settings = ServicesSettings;

const routes = (router: PluginRouter<Settings>) => adminRoutes(myOrderRoutes(catalogueRoutes(router)));
const organisationRoutes = (router: PluginRouter<Settings>) =>
  vendorOrderRoutes(vendorImageRoutes(vendorSlotRoutes(vendorOfferingRoutes(vendorAccountRoutes(router)))));

/** The APIs' types, for the portal's typed clients (imported with `import type`: no server code reaches it). */
export type ServicesApi = ReturnType<typeof routes>;
export type ServicesVendorApi = ReturnType<typeof organisationRoutes>;

export const servicesPlugin = definePluginServer({
  manifest: servicesManifest,
  migrations: fileURLToPath(new URL('../../migrations', import.meta.url)),
  routes,
  organisationRoutes,
  personalData: servicesPersonalData,
  todo: ordersToFollow,
  lifecycle: {
    demo,
    organisationDemo,
    // Row-level security limits every delete to the neighbourhood being purged; children before parents. Seats its
    // live orders held are given back, so the vendor's slots stay true for other neighbourhoods.
    purge: async (ctx) => {
      await ctx.db.execute(sql`
        update ${slots} set booked = ${slots.booked} - held.n
        from (select ${orders.slotId} as slot_id, sum(${orders.quantity})::int as n from ${orders}
              where ${orders.status} in ('placed', 'accepted', 'in_service', 'completed') group by ${orders.slotId}) held
        where ${slots.id} = held.slot_id`);
      for (const table of [complaints, reviews, orderEvents, orders, listings, admissions])
        await ctx.db.delete(table).where(sql`true`);
    },
  },
});
