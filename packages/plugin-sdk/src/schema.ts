import { customType, uuid } from 'drizzle-orm/pg-core';
import { v7 as uuidv7 } from 'uuid';

/** The database role a plugin's code runs as: it owns nothing and reaches only the tables its migrations grant it. */
export const pluginRole = (pluginId: string) => `city_p_${pluginId.replace(/-/g, '_')}`;

/**
 * Every plugin table's tenant column (tenant_id on every tenant-owned row: docs/architecture.md §3). The table's migration adds the
 * rest of the invariant: a foreign key to tenants, row-level security enabled and forced with the policy
 * `tenant_id = app_tenant()`, and grants to the plugin's role (see the template in packages/plugin-sdk/template).
 */
export const tenantColumn = () => uuid('tenant_id').notNull();

/** Ids are UUIDv7 (docs/architecture.md §3): time-ordered, so a table's newest rows sit together in its index. */
export const newId = () => uuidv7();

/** A plugin table's primary key, filled with a UUIDv7 on insert. */
export const idColumn = () => uuid('id').primaryKey().$defaultFn(newId);

/** Uploaded bytes kept in a plugin's own table (photos, scanned documents): read back as a Uint8Array. */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
